package org.catalogengine.jdbc.internal.tx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.catalogengine.error.CatalogException;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.WriteStatistics;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns transactions: takes a connection, serialises writers on single-writer databases (SQLite), commits or
 * rolls back, retries retryable failures with back-off and wraps database failures in {@link StorageException}.
 * The write lock is held only around the database work of one attempt, never while sleeping between attempts.
 */
public final class Transactor {
  private static final Logger LOG = LoggerFactory.getLogger(Transactor.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME_SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Tables tables;
  private final RetryPolicy retry;
  private final InstantSource clock;
  private final Settings settings;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final LongAdder writeTransactions = new LongAdder();
  private final LongAdder writeBusyNanos = new LongAdder();
  private final LongAdder writerWaitNanos = new LongAdder();
  private final LongAdder writeCpuNanos = new LongAdder();
  private final boolean keepWriter;
  private @Nullable Connection writer;
  /** On SQLite with a kept writer: copies the write-ahead log into the database file off the writer's path. */
  private final @Nullable WalCheckpointer checkpointer;

  public Transactor(DataSource dataSource, Dialect dialect, Tables tables, RetryPolicy retry, InstantSource clock) {
    this(dataSource, dialect, tables, retry, clock, false, false);
  }

  /**
   * @param keepWriter on a single-writer database, run every write transaction on one connection kept from the
   *     pool (its page cache stays warm); the pool must have further connections for reads
   * @param backgroundCheckpoints with a kept SQLite writer, copy the write-ahead log back on a thread of its own
   *     ({@link WalCheckpointer}), which holds one more connection of the pool
   */
  public Transactor(DataSource dataSource, Dialect dialect, Tables tables, RetryPolicy retry, InstantSource clock,
      boolean keepWriter, boolean backgroundCheckpoints) {
    this.keepWriter = keepWriter && dialect.singleWriter();
    this.dataSource = dataSource;
    this.checkpointer = this.keepWriter && backgroundCheckpoints && dialect == Dialect.SQLITE
        ? new WalCheckpointer(dataSource, writeLock, "catalog-wal-checkpoint") : null;
    this.dialect = dialect;
    this.tables = tables;
    this.retry = retry;
    this.clock = clock;
    this.settings = new Settings()
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
        .withExecuteLogging(false)
        .withRenderSchema(true)
        // jOOQ inlines every value once a statement has more binds than its dialect default (999 on SQLite);
        // our multi-row statements are sized against the real limit, and inlined values cost parse time
        .withInlineThreshold(dialect.maxBindParameters());
  }

  /** Runs a write transaction. */
  public <T> T write(String what, Function<Tx, T> work) {
    return retry.run(what, dialect::isRetryable, () -> attempt(what, work, true));
  }

  /** Runs a read-only transaction (no single-writer lock). */
  public <T> T read(String what, Function<Tx, T> work) {
    return retry.run(what, dialect::isRetryable, () -> attempt(what, work, false));
  }

  /**
   * Write transactions attempted so far, their summed duration, their summed wait for the writer lock and the
   * CPU time of their threads.
   */
  public WriteStatistics writeStatistics() {
    return new WriteStatistics(writeTransactions.sum(), Duration.ofNanos(writeBusyNanos.sum()),
        Duration.ofNanos(writerWaitNanos.sum()), Duration.ofNanos(writeCpuNanos.sum()));
  }

  /** The calling thread's CPU time in nanoseconds, or 0 where the JVM does not measure it. */
  private static long threadCpuNanos() {
    return CPU_TIME_SUPPORTED ? Math.max(THREADS.getCurrentThreadCpuTime(), 0) : 0;
  }

  /** Whether a write transaction is waiting for the single-writer lock (for tests). */
  boolean writerQueued() {
    return writeLock.hasQueuedThreads();
  }

  private <T> T attempt(String what, Function<Tx, T> work, boolean write) {
    boolean locked = write && dialect.singleWriter();
    long started = write ? System.nanoTime() : 0;
    if (locked) {
      writeLock.lock();
    }
    long began = write ? System.nanoTime() : 0;
    long cpuBegan = write ? threadCpuNanos() : 0;
    if (write) {
      writerWaitNanos.add(began - started);
    }
    Tx tx;
    T result;
    Connection c = null;
    try {
      c = locked && keepWriter ? writer() : dataSource.getConnection();
      dialect.prepareConnection(c);
      c.setAutoCommit(false);
      tx = new Tx(c, DSL.using(c, dialect.sqlDialect(), settings), tables, dialect, clock.millis());
      try {
        result = work.apply(tx);
        c.commit();
        if (locked && checkpointer != null) {
          checkpointer.committed();
        }
      } catch (RuntimeException | Error e) {
        rollback(c, what);
        throw e;
      } catch (SQLException e) {
        rollback(c, what);
        throw e;
      } finally {
        c.setAutoCommit(true);
        for (Runnable r : tx.atEndActions()) {
          try {
            r.run();
          } catch (RuntimeException e) {
            LOG.warn("An end-of-transaction action of {} failed", what, e);
          }
        }
      }
    } catch (SQLException e) {
      dropWriterIfBroken(locked);
      throw translate(what, e);
    } catch (RuntimeException e) {
      dropWriterIfBroken(locked);
      throw translate(what, e);
    } finally {
      if (c != null && !(locked && keepWriter)) {
        closeQuietly(c);
      }
      if (write) {
        long ended = System.nanoTime();
        writeTransactions.increment();
        writeBusyNanos.add(ended - began);
        long cpu = threadCpuNanos() - cpuBegan;
        writeCpuNanos.add(cpu);
        if (LOG.isTraceEnabled()) {
          LOG.trace("{}: waited {} ms for the writer, wrote for {} ms ({} ms on CPU)", what,
              (began - started) / 1_000_000, (ended - began) / 1_000_000, cpu / 1_000_000);
        }
      }
      if (locked) {
        writeLock.unlock();
      }
    }
    for (Runnable r : tx.afterCommitActions()) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("An after-commit action of {} failed", what, e);
      }
    }
    return result;
  }

  /**
   * The connection of all write transactions on a single-writer database, kept across transactions (guarded by
   * the write lock): SQLite keeps a page cache per connection and discards it when another connection wrote, so a
   * writer that changed with every transaction read every index page it touches from the file again.
   */
  private Connection writer() throws SQLException {
    if (writer == null) {
      Connection c = dataSource.getConnection();
      if (checkpointer != null) {
        // the log is copied back by the checkpointer's thread; the writer's own limit is only a backstop
        try (java.sql.Statement s = c.createStatement()) {
          s.execute("PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_BACKSTOP_PAGES);
        } catch (SQLException e) {
          closeQuietly(c);
          throw e;
        }
      }
      writer = c;
    }
    return writer;
  }

  /** After a failed write, a writer connection that no longer works is replaced on the next write. */
  private void dropWriterIfBroken(boolean locked) {
    if (!locked || writer == null) {
      return;
    }
    try {
      if (writer.isValid(1)) {
        return;
      }
    } catch (SQLException e) {
      // fall through: replace it
    }
    closeQuietly(writer);
    writer = null;
  }

  /** Stops the checkpointer and returns the kept writer connection to its pool (at store close). */
  public void close() {
    if (checkpointer != null) {
      checkpointer.close();
    }
    writeLock.lock();
    try {
      if (writer != null) {
        closeQuietly(writer);
        writer = null;
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("Closing a connection failed", e);
    }
  }

  private static RuntimeException translate(String what, Exception e) {
    if (e instanceof CatalogException ce) {
      return ce;
    }
    return new StorageException(what + " failed: " + e.getMessage(), e);
  }

  private static void rollback(Connection c, String what) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.warn("Rolling back {} failed", what, e);
    }
  }
}
