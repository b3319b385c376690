package org.catalogengine.jdbc.internal.tx;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a SQLite write-ahead log back into the database file on a thread of its own, so that no write transaction
 * waits for it.
 *
 * <p>Left to itself, SQLite checkpoints inside the commit that makes the log reach its size limit, on the
 * committing connection: with one writer that is a pause of everything else the engine writes (a 100,000-entity
 * load paid about ten such pauses of 0.5 to 1.4 s, and the 1% delta after it paid one in its mutation's commit).
 * Here the writer connection only keeps a far larger limit as a backstop, and after commits this thread runs a
 * {@code PASSIVE} checkpoint on a connection of its own: it copies what has been committed while the writer goes on
 * appending, and never waits for a lock.
 *
 * <p>SQLite starts the log again from its beginning only when a write transaction begins after everything in it was
 * copied, and a busy writer always commits more before this thread has caught up: the log would grow until the
 * writer's backstop paid for one very long checkpoint. So once the log holds {@link #RESTART_PAGES} pages, a
 * checkpoint that has just copied the bulk runs again until a pass copies little, and then, if the store's write
 * lock is free at that moment, a last time holding it: that pass copies only what was committed since, and the next write transaction
 * starts the log again. (A reader still using the log can prevent that restart; SQLite then restarts it later.)
 */
public final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  /** The writer's own checkpoint limit in log pages: reached only if this thread falls far behind. */
  public static final int WRITER_BACKSTOP_PAGES = 40_000;
  /** Log size in pages (160 MiB with 16 KiB pages) from which a checkpoint finishes under the write lock. */
  static final int RESTART_PAGES = 10_000;
  /** A pass this short copied little: the next one, under the write lock, will be as short. */
  static final long SHORT_PASS_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /**
   * The least time between two checkpoints; commits in between are copied by the next one together. A checkpoint
   * copies each page once however often it changed since the last one, so checkpoints every 200 ms copied so much
   * more that the thread took 10–30 s more CPU in a 100,000-entity load, which its other work lacked; 2 s is about
   * as often as SQLite's own 10,000-page limit checkpointed during that load.
   */
  static final long PAUSE_MILLIS = 2_000;

  private final DataSource dataSource;
  private final Lock writeLock;
  private final long restartPages;
  private final Thread thread;
  private final Object signal = new Object();
  private boolean pending;
  private volatile boolean closed;
  private final AtomicLong checkpoints = new AtomicLong();
  private final AtomicLong restarts = new AtomicLong();
  private @Nullable Connection connection;
  /** The log size at the last pass under the lock: while it stays the same, the log is copied but not restarted. */
  private long restartTriedAt = -1;

  /**
   * Starts the thread; it takes a connection of its own from {@code dataSource} at its first checkpoint.
   *
   * @param writeLock the lock that the store's write transactions hold, taken for the short final pass
   */
  public WalCheckpointer(DataSource dataSource, Lock writeLock, String name) {
    this(dataSource, writeLock, name, RESTART_PAGES);
  }

  /** With another restart size (tests: a few pages instead of 160 MiB). */
  WalCheckpointer(DataSource dataSource, Lock writeLock, String name, long restartPages) {
    this.dataSource = dataSource;
    this.writeLock = writeLock;
    this.restartPages = restartPages;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** A write transaction committed: a checkpoint follows (at most one per pause, however many commits). */
  public void committed() {
    synchronized (signal) {
      pending = true;
      signal.notifyAll();
    }
  }

  /** Checkpoints run so far. */
  public long checkpoints() {
    return checkpoints.get();
  }

  /** Checkpoints that finished under the write lock, so that the log starts again. */
  public long restarts() {
    return restarts.get();
  }

  private void run() {
    while (!closed) {
      try {
        synchronized (signal) {
          while (!pending && !closed) {
            signal.wait();
          }
          pending = false;
        }
        if (closed) {
          break;
        }
        checkpoint();
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        break;
      }
    }
    closeConnection();
  }

  private void checkpoint() {
    try {
      if (connection == null) {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        // a pooled connection opened before the store switched the file to WAL mode learns of it only when it
        // reads; until then a checkpoint on it does nothing and reports no log at all
        try (Statement s = connection.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
          rs.next();
        }
      }
      long logPages = passive(connection);
      if (logPages >= restartPages && logPages != restartTriedAt) {
        // further passes copy what the writer committed during the one before (or what a reader's snapshot held
        // back), so that the pass under the lock is short
        for (int pass = 0; pass < 3; pass++) {
          long started = System.nanoTime();
          passive(connection);
          if (System.nanoTime() - started < SHORT_PASS_NANOS) {
            break;
          }
        }
        // in a gap between write transactions: waiting for the lock would let the writer commit more first; only a
        // log that has grown to twice the size waits for its turn
        boolean locked = logPages >= 2 * restartPages;
        if (locked) {
          try {
            writeLock.lockInterruptibly();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: the loop ends at its next wait
            return;
          }
        }
        if (locked || writeLock.tryLock()) {
          try {
            passive(connection);
            restartTriedAt = logPages;
            restarts.incrementAndGet();
          } finally {
            writeLock.unlock();
          }
        }
      }
      checkpoints.incrementAndGet();
    } catch (SQLException e) {
      // the writer's backstop limit still bounds the log; a broken connection is replaced on the next try
      LOG.debug("A background WAL checkpoint failed; retrying after the next commit", e);
      closeConnection();
    }
  }

  /** Runs one {@code PASSIVE} checkpoint; returns the log's size in pages (-1 when not in WAL mode). */
  private static long passive(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA main.wal_checkpoint(PASSIVE)")) {
      // (busy, pages in the log, pages of the log now in the database file); "main" is the store's database (a
      // checkpoint of all attached databases reports no sizes)
      return rs.next() ? rs.getLong(2) : -1;
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the checkpoint connection failed", e);
      }
      connection = null;
    }
  }

  /** Stops the thread (a checkpoint under way finishes first) and returns its connection. */
  @Override
  public void close() {
    closed = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
