package org.catalogengine.jdbc.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.schema.Migrator;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The background checkpointer copies a SQLite write-ahead log into the database file without the writer, and starts
 * the log again once it is large, under the write lock and only when that lock is free (or the log is twice as
 * large). A real SQLite file; the writer is a connection of the test that never checkpoints by itself.
 */
class WalCheckpointerTest {
  @TempDir
  Path dir;
  private Path file;
  private SQLiteDataSource dataSource;
  private Connection writer;
  /** A connection opened before the file is in WAL mode, as a pool fills itself before the store switches it. */
  private Connection early;

  @BeforeEach
  void open() throws SQLException {
    file = dir.resolve("catalog.db");
    dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file);
    early = dataSource.getConnection();
    try (Statement s = early.createStatement()) {
      s.execute("PRAGMA cache_size = -2000"); // what a pool's connection settings do at open: it reads the file
    }
    writer = dataSource.getConnection();
    try (Statement s = writer.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA wal_autocheckpoint = 0");
      s.execute("CREATE TABLE t (b BLOB)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    writer.close();
    early.close();
  }

  /** Commits {@code rows} rows of 4,000 random bytes each (one 4 KiB page or more per row). */
  private void write(int rows) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.execute("INSERT INTO t SELECT randomblob(4000) FROM generate_series(1, " + rows + ")");
    } catch (SQLException e) {
      // older SQLite builds lack generate_series: a recursive CTE does the same
      try (Statement s = writer.createStatement()) {
        s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
            + ") INSERT INTO t SELECT randomblob(4000) FROM n");
      }
    }
  }

  /** Pages in the log right now, asked of a connection of its own (its checkpoint copies nothing new). */
  private long logPages() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
        rs.next();
      }
      try (ResultSet rs = s.executeQuery("PRAGMA main.wal_checkpoint(PASSIVE)")) {
        rs.next();
        return rs.getLong(2);
      }
    }
  }

  private static void await(LongSupplier value, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (value.getAsLong() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(value.getAsLong()).isGreaterThanOrEqualTo(atLeast);
  }

  @Test
  void copiesCommittedPagesIntoTheDatabaseFile() throws Exception {
    write(300);
    long before = Files.size(file);
    SQLiteDataSource pooled = new SQLiteDataSource() {
      @Override
      public Connection getConnection() {
        return early;
      }
    };

    try (WalCheckpointer checkpointer = new WalCheckpointer(pooled, new ReentrantLock(), "test-checkpoint")) {
      checkpointer.committed();
      await(checkpointer::checkpoints, 1);
    }

    // the writer never checkpointed: only the checkpointer's copy puts the 1.2 MB into the file, on a connection
    // that was opened before the file was in WAL mode
    assertThat(before).isLessThan(100_000);
    assertThat(Files.size(file)).isGreaterThan(1_200_000);
  }

  @Test
  void restartsALargeLogWhenTheWriteLockIsFree() throws Exception {
    ReentrantLock lock = new ReentrantLock(true);
    write(100);
    assertThat(logPages()).isGreaterThanOrEqualTo(100);

    try (WalCheckpointer checkpointer = new WalCheckpointer(dataSource, lock, "test-checkpoint", 50)) {
      checkpointer.committed();
      await(checkpointer::restarts, 1);
      // the next write transaction starts the log from its beginning
      write(1);
      assertThat(logPages()).isLessThan(50);
    }
  }

  @Test
  void aBusyWriterDefersTheRestartUntilTheLogIsTwiceTheRestartSize() throws Exception {
    ReentrantLock lock = new ReentrantLock(true);
    try (WalCheckpointer checkpointer = new WalCheckpointer(dataSource, lock, "test-checkpoint", 100)) {
      // another thread holds the write lock for good, as a store's write transaction would for a while
      Thread holder = new Thread(lock::lock);
      holder.start();
      holder.join();

      write(120);
      checkpointer.committed();
      await(checkpointer::checkpoints, 1);
      // copied, but no pass under the lock and no wait for it
      assertThat(Files.size(file)).isGreaterThan(400_000);
      assertThat(checkpointer.restarts()).isZero();
      assertThat(lock.hasQueuedThreads()).isFalse();

      // the log was copied, so this write starts it again: 220 pages, over twice the restart size of 100
      write(220);
      checkpointer.committed();
      await(() -> lock.hasQueuedThreads() ? 1 : 0, 1);
      assertThat(checkpointer.restarts()).isZero();
    }
  }

  @Test
  void theTransactorsKeptWriterLeavesCheckpointsToTheBackgroundThread() throws Exception {
    new Migrator(dataSource, Dialect.SQLITE, "", null).migrate();
    Transactor background = new Transactor(dataSource, Dialect.SQLITE, new Tables("", null), RetryPolicy.defaults(),
        InstantSource.fixed(Instant.EPOCH), true, true);
    Transactor own = new Transactor(dataSource, Dialect.SQLITE, new Tables("", null), RetryPolicy.defaults(),
        InstantSource.fixed(Instant.EPOCH), true, false);
    try {
      assertThat(background.write("limit", autocheckpointLimit()))
          .isEqualTo(WalCheckpointer.WRITER_BACKSTOP_PAGES);
      assertThat(own.write("limit", autocheckpointLimit())).isEqualTo(1000);
    } finally {
      background.close();
      own.close();
    }
  }

  private static java.util.function.Function<Tx, Integer> autocheckpointLimit() {
    return t -> {
      try (Statement s = t.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_autocheckpoint")) {
        rs.next();
        return rs.getInt(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
