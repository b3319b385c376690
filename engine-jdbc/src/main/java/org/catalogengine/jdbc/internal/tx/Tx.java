package org.catalogengine.jdbc.internal.tx;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** One transaction attempt as the operations see it: the DSL, tables, dialect and the transaction's clock. */
public final class Tx {
  private final java.sql.Connection connection;
  private final DSLContext dsl;
  private final Tables tables;
  private final Dialect dialect;
  private final long now;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Runnable> atEnd = new ArrayList<>();

  Tx(java.sql.Connection connection, DSLContext dsl, Tables tables, Dialect dialect, long now) {
    this.connection = connection;
    this.dsl = dsl;
    this.tables = tables;
    this.dialect = dialect;
    this.now = now;
  }

  public DSLContext dsl() {
    return dsl;
  }

  /** The transaction's connection, for the few hot-path statements that bypass jOOQ's per-value binding. */
  public java.sql.Connection connection() {
    return connection;
  }

  public Tables t() {
    return tables;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * The entity rows as a query reads them through {@code index} (unprefixed, one of {@link Dialect}'s SQLite index
   * names): on SQLite with {@code INDEXED BY}, since its planner has no statistics and would take the unique ref
   * index and then each entity's row; elsewhere the plain table, left to the database's own planner.
   *
   * @param alias the table's alias in the query, or null for none
   */
  public Table<?> refreshStateVia(String index, @Nullable String alias) {
    Table<?> table = tables.refreshState;
    if (dialect != Dialect.SQLITE) {
      return alias == null ? table : table.as(alias);
    }
    Name name = DSL.name(tables.prefix() + index);
    return alias == null
        ? DSL.table("{0} INDEXED BY {1}", table, name)
        : DSL.table("{0} {1} INDEXED BY {2}", table, DSL.name(alias), name);
  }

  /** The transaction's "now" in epoch millis; every row it writes uses this one value. */
  public long now() {
    return now;
  }

  /** Runs {@code action} after a successful commit (logs, listener calls); dropped on rollback. */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /**
   * Runs {@code action} on this transaction's connection after it committed or rolled back, before the
   * connection goes back to the pool (releasing session-level locks).
   */
  public void atEnd(Runnable action) {
    atEnd.add(action);
  }

  List<Runnable> atEndActions() {
    return atEnd;
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }
}
