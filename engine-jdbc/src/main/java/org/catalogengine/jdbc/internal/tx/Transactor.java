package org.catalogengine.jdbc.internal.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.catalogengine.error.CatalogException;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns transactions: takes a connection, serialises writers on single-writer databases (SQLite), commits or
 * rolls back, retries retryable failures with back-off and wraps database failures in {@link StorageException}.
 * The write lock is held only around the database work of one attempt, never while sleeping between attempts.
 */
public final class Transactor {
  private static final Logger LOG = LoggerFactory.getLogger(Transactor.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Tables tables;
  private final RetryPolicy retry;
  private final InstantSource clock;
  private final Settings settings;
  private final ReentrantLock writeLock = new ReentrantLock(true);

  public Transactor(DataSource dataSource, Dialect dialect, Tables tables, RetryPolicy retry, InstantSource clock) {
    this.dataSource = dataSource;
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

  private <T> T attempt(String what, Function<Tx, T> work, boolean write) {
    boolean locked = write && dialect.singleWriter();
    if (locked) {
      writeLock.lock();
    }
    Tx tx;
    T result;
    try (Connection c = dataSource.getConnection()) {
      dialect.prepareConnection(c);
      c.setAutoCommit(false);
      tx = new Tx(c, DSL.using(c, dialect.sqlDialect(), settings), tables, dialect, clock.millis());
      try {
        result = work.apply(tx);
        c.commit();
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
      throw translate(what, e);
    } catch (RuntimeException e) {
      throw translate(what, e);
    } finally {
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
