package org.catalogengine.jdbc.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.junit.jupiter.api.Test;

/** The retry policy with an injected sleeper and random source: no real sleeping. */
class RetryPolicyTest {
  private final List<Long> sleeps = new ArrayList<>();
  private final RetryPolicy policy = new RetryPolicy(5, 25, 1_000, sleeps::add, () -> 0.5);

  private static RuntimeException failure(String sqlState, int vendorCode) {
    return new StorageException("write failed", new SQLException("simulated", sqlState, vendorCode));
  }

  @Test
  void run_retriesARetryableSqlStateThenSucceeds() {
    AtomicInteger attempts = new AtomicInteger();

    String result = policy.run("op", Dialect.POSTGRES::isRetryable, () -> {
      if (attempts.incrementAndGet() < 3) {
        throw failure("40P01", 0);
      }
      return "done";
    });

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
    assertThat(sleeps).containsExactly(25L, 50L);
  }

  @Test
  void run_givesUpAfterMaxAttemptsKeepingTheSqlState() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> policy.run("op", Dialect.POSTGRES::isRetryable, () -> {
      attempts.incrementAndGet();
      throw failure("40001", 0);
    })).isInstanceOfSatisfying(StorageException.class, e -> {
      assertThat(e.sqlState()).contains("40001");
      assertThat(e.getMessage()).contains("op").contains("5 attempts");
    });
    assertThat(attempts).hasValue(5);
    assertThat(sleeps).containsExactly(25L, 50L, 100L, 200L);
  }

  @Test
  void run_doesNotRetryOtherFailures() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> policy.run("op", Dialect.POSTGRES::isRetryable, () -> {
      attempts.incrementAndGet();
      throw new ConflictException("K5");
    })).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> policy.run("op", Dialect.POSTGRES::isRetryable, () -> {
      throw failure("42P01", 0);
    })).isInstanceOf(StorageException.class);
    assertThat(attempts).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void backoff_isJitteredAndCapped() {
    RetryPolicy low = new RetryPolicy(20, 25, 1_000, ms -> {}, () -> 0.0);
    RetryPolicy high = new RetryPolicy(20, 25, 1_000, ms -> {}, () -> 0.999);

    assertThat(low.backoffMillis(1)).isEqualTo(13);
    assertThat(high.backoffMillis(1)).isEqualTo(37);
    assertThat(low.backoffMillis(3)).isEqualTo(50);
    assertThat(high.backoffMillis(15)).isEqualTo(1_000);
    assertThat(low.backoffMillis(15)).isEqualTo(500);
  }

  @Test
  void dialects_classifyTheirRetryableErrors() {
    assertThat(Dialect.MARIADB.isRetryable(new SQLException("deadlock", "40001", 1213))).isTrue();
    assertThat(Dialect.MARIADB.isRetryable(new SQLException("deadlock", "HY000", 1213))).isTrue();
    assertThat(Dialect.MARIADB.isRetryable(new SQLException("dup", "23000", 1062))).isTrue();
    // a foreign-key violation is a concurrent deletion between lookup and write: the retry no longer sees the row
    assertThat(Dialect.MARIADB.isRetryable(new SQLException("fk", "23000", 1452))).isTrue();
    assertThat(Dialect.POSTGRES.isRetryable(new SQLException("fk", "23503"))).isTrue();
    assertThat(Dialect.MARIADB.isRetryable(new SQLException("check", "23000", 4025))).isFalse();
    assertThat(Dialect.POSTGRES.isRetryable(new SQLException("check", "23514"))).isFalse();
    assertThat(Dialect.POSTGRES.isRetryable(new SQLException("dup", "23505"))).isTrue();
    assertThat(Dialect.SQLITE.isRetryable(new SQLException("[SQLITE_BUSY]", null, 5))).isTrue();
    assertThat(Dialect.SQLITE.isRetryable(new SQLException("[SQLITE_BUSY_SNAPSHOT]", null, 517))).isTrue();
    assertThat(Dialect.SQLITE.isRetryable(new SQLException("[SQLITE_CONSTRAINT]", null, 19))).isFalse();
    assertThat(Dialect.POSTGRES.isRetryable(new RuntimeException(new SQLException("x", "40P01")))).isTrue();
    assertThat(Dialect.POSTGRES.isRetryable(new SQLException("x", "42P01"))).isFalse();
  }
}
