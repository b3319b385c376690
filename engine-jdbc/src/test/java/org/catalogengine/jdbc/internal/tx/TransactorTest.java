package org.catalogengine.jdbc.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.WriteStatistics;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.operations.locations.FindLocations;
import org.catalogengine.jdbc.internal.operations.locations.InsertLocation;
import org.catalogengine.jdbc.internal.schema.Migrator;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.StoredLocation;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** The transactor rolls back a failed attempt, retries retryable failures, and runs after-commit actions once. */
class TransactorTest {
  private Connection keeper;
  private Transactor tx;
  private final List<Long> sleeps = new ArrayList<>();

  @BeforeEach
  void open() throws SQLException {
    String url = "jdbc:sqlite:file:transactor" + System.nanoTime() + "?mode=memory&cache=shared";
    keeper = DriverManager.getConnection(url);
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl(url);
    new Migrator(ds, Dialect.SQLITE, "", null).migrate();
    tx = new Transactor(ds, Dialect.SQLITE, new Tables("", null),
        new RetryPolicy(3, 10, 100, sleeps::add, () -> 0.5), InstantSource.fixed(Instant.EPOCH));
  }

  @AfterEach
  void close() throws SQLException {
    keeper.close();
  }

  private static StoredLocation location(String id) {
    return new StoredLocation(id, "url", "https://git/" + id, EntityRef.of("location", "default", id));
  }

  @Test
  void write_retriesASerializationFailureAfterRollingBackTheAttempt() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger committed = new AtomicInteger();

    tx.write("test", t -> {
      InsertLocation.run(t, location("a"));
      t.afterCommit(committed::incrementAndGet);
      if (attempts.incrementAndGet() == 1) {
        throw new DataAccessException("simulated", new SQLException("could not serialize access", "40001"));
      }
      return null;
    });

    assertThat(attempts).hasValue(2);
    assertThat(committed).hasValue(1);
    assertThat(sleeps).containsExactly(10L);
    assertThat(tx.read("list", FindLocations::all)).containsExactly(location("a"));
  }

  @Test
  void writeStatistics_countEveryWriteAttemptWithItsDurationAndNoReads() {
    AtomicInteger attempts = new AtomicInteger();
    tx.write("test", t -> {
      InsertLocation.run(t, location("a"));
      sleepMillis(20);
      if (attempts.incrementAndGet() == 1) {
        throw new DataAccessException("simulated", new SQLException("could not serialize access", "40001"));
      }
      return null;
    });
    WriteStatistics afterWrite = tx.writeStatistics();
    tx.read("list", FindLocations::all);

    assertThat(afterWrite.transactions()).as("the failed attempt and the retry").isEqualTo(2);
    assertThat(afterWrite.busy()).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(tx.writeStatistics()).isEqualTo(afterWrite);
  }

  @Test
  void writeStatistics_countTheThreadsCpuTimeNotTheirSleep() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "this JVM does not measure thread CPU time");
    long burn = Duration.ofMillis(40).toNanos();
    tx.write("opens the writer", t -> null);
    WriteStatistics opened = tx.writeStatistics();

    tx.write("sleeps", t -> {
      sleepMillis(60);
      return null;
    });
    WriteStatistics afterSleep = tx.writeStatistics();
    WriteStatistics slept = afterSleep.minus(opened);
    tx.write("computes", t -> {
      long until = threads.getCurrentThreadCpuTime() + burn;
      long spins = 0;
      while (threads.getCurrentThreadCpuTime() < until) {
        spins++;
      }
      return spins;
    });
    WriteStatistics computed = tx.writeStatistics().minus(afterSleep);

    assertThat(slept.busy()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    assertThat(slept.onCpu()).as("a sleeping writer is not on a CPU").isLessThan(Duration.ofMillis(40));
    assertThat(computed.onCpu()).isGreaterThanOrEqualTo(Duration.ofNanos(burn));
    assertThat(computed.onCpu()).isLessThanOrEqualTo(computed.busy());
  }

  @Test
  void writeStatistics_countTheWaitForTheSingleWriter() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> tx.write("hold", t -> {
      holding.countDown();
      awaitQuietly(release);
      return null;
    }));
    holder.start();
    holding.await();
    Thread waiter = new Thread(() -> tx.write("wait", t -> null));
    waiter.start();
    while (!tx.writerQueued()) {
      Thread.onSpinWait();
    }
    sleepMillis(30);
    release.countDown();
    holder.join();
    waiter.join();

    assertThat(tx.writeStatistics().transactions()).isEqualTo(2);
    assertThat(tx.writeStatistics().waitedForWriter()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void write_engineExceptionRollsBackWithoutRetry() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> tx.write("test", t -> {
      attempts.incrementAndGet();
      InsertLocation.run(t, location("b"));
      throw new ConflictException("refused");
    })).isInstanceOf(ConflictException.class);

    assertThat(attempts).hasValue(1);
    assertThat(tx.read("list", FindLocations::all)).isEmpty();
  }

  @Test
  void write_nonRetryableDatabaseFailureIsAStorageExceptionWithItsSqlState() {
    tx.write("first", t -> InsertLocation.run(t, location("c")));

    assertThatThrownBy(() -> tx.write("duplicate id", t -> {
      t.dsl().insertInto(t.t().locations, Tables.ID, Tables.TYPE, Tables.TARGET, Tables.ENTITY_REF,
          Tables.CREATED_AT).values("c", "url", "x", "location:default/other", 0L).execute();
      return null;
    })).isInstanceOfSatisfying(StorageException.class, e -> {
      assertThat(e.getMessage()).startsWith("duplicate id failed");
      assertThat(sleeps).isEmpty();
    });
  }
}
