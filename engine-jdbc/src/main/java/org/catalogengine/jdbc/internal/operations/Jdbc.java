package org.catalogengine.jdbc.internal.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;

/**
 * Plain JDBC for the hot paths: jOOQ renders the statement once (dialect, quoting, prefix, schema), and rows
 * are bound straight into a {@link PreparedStatement}. jOOQ's per-value binding costs a few microseconds per
 * value, which is most of the time of a 100,000-entity mutation.
 */
public final class Jdbc {
  /** Rows per {@code executeBatch}. */
  static final int BATCH = 1_000;

  private Jdbc() {}

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Executes {@code template} (rendered with bind placeholders) once per row, in JDBC batches.
   *
   * @return the summed update counts (where the driver reports them)
   */
  public static long batch(Tx tx, Query template, List<Object[]> rows) {
    long updated = 0;
    for (int c : batchCounts(tx, template, rows)) {
      updated += Math.max(c, 0);
    }
    return updated;
  }

  /**
   * Executes {@code template} once per row, in JDBC batches, and returns each row's update count (as the driver
   * reports it: {@link java.sql.Statement#SUCCESS_NO_INFO} where it does not know).
   */
  public static int[] batchCounts(Tx tx, Query template, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return new int[0];
    }
    String sql = tx.dsl().render(template);
    int[] counts = new int[rows.size()];
    int done = 0;
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          bind(ps, i + 1, row[i]);
        }
        ps.addBatch();
        if (++pending == BATCH) {
          done = copy(ps.executeBatch(), counts, done);
          pending = 0;
        }
      }
      if (pending > 0) {
        copy(ps.executeBatch(), counts, done);
      }
    } catch (SQLException e) {
      throw new DataAccessException(sql + ": " + e.getMessage(), e);
    }
    return counts;
  }

  private static int copy(int[] from, int[] to, int at) {
    System.arraycopy(from, 0, to, at, Math.min(from.length, to.length - at));
    return at + from.length;
  }

  /**
   * Runs a query whose single IN list is filled from {@code keys}, in chunks of {@link Chunks#IN_LIST}; the
   * full-size statement is prepared once and reused.
   *
   * @param template builds the query for an IN list of the given size (values are placeholders)
   */
  public static void selectIn(Tx tx, IntFunction<Query> template, List<String> keys, RowReader reader) {
    selectIn(tx, 1, template, keys, reader);
  }

  /**
   * As {@link #selectIn(Tx, IntFunction, List, RowReader)} for a query with {@code lists} IN lists of the same
   * values (a union over two columns), bound in the order they appear.
   */
  public static void selectIn(Tx tx, int lists, IntFunction<Query> template, List<String> keys, RowReader reader) {
    if (keys.isEmpty()) {
      return;
    }
    try (Statements statements = new Statements(tx.connection(), Chunks.IN_LIST)) {
      for (List<String> chunk : Chunks.of(keys, Chunks.IN_LIST)) {
        PreparedStatement ps = statements.forRows(chunk.size(), n -> tx.dsl().render(template.apply(n)));
        try {
          for (int list = 0; list < lists; list++) {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setString(list * chunk.size() + i + 1, chunk.get(i));
            }
          }
          readAll(ps, reader);
        } finally {
          statements.done(ps);
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("IN-list query failed: " + e.getMessage(), e);
    }
  }

  /**
   * Executes a statement whose single IN list is filled from {@code keys}, in chunks of {@link Chunks#IN_LIST};
   * returns the rows it changed.
   *
   * @param template builds the statement for an IN list of the given size (values are placeholders)
   */
  public static long updateIn(Tx tx, IntFunction<Query> template, List<String> keys) {
    long updated = 0;
    try {
      for (List<String> chunk : Chunks.of(keys, Chunks.IN_LIST)) {
        try (PreparedStatement ps = tx.connection().prepareStatement(tx.dsl().render(template.apply(chunk.size())))) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          updated += ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("IN-list statement failed: " + e.getMessage(), e);
    }
    return updated;
  }

  /**
   * Runs one multi-row statement per chunk of {@code chunks}: {@code sql} builds the statement for a chunk of the
   * given size, with a {@link #valueRows values list} of placeholders, and each chunk's rows are bound in order.
   * The full-size statement is prepared once and reused. {@code returning}, when not null, reads the rows the
   * statement returns.
   */
  public static void multiRow(Tx tx, List<List<Object[]>> chunks, IntFunction<String> sql,
      @Nullable RowReader returning) {
    int largest = chunks.stream().mapToInt(List::size).max().orElse(0);
    if (largest == 0) {
      return;
    }
    try (Statements statements = new Statements(tx.connection(), largest)) {
      boolean joinsPinned = tx.dialect() == Dialect.POSTGRES;
      if (joinsPinned) {
        // PostgreSQL's planner joins a few hundred VALUES rows to a table of 100,000 by reading the whole table into
        // a hash join (it costs the index probes as random reads from disk, while the catalog's pages are cached):
        // for these statements only, index probes per row, as the one-row statements they replace
        try (Statement s = tx.connection().createStatement()) {
          s.execute("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
        }
      }
      for (List<Object[]> chunk : chunks) {
        if (chunk.isEmpty()) {
          continue;
        }
        PreparedStatement ps = statements.forRows(chunk.size(), sql);
        try {
          int index = 1;
          for (Object[] row : chunk) {
            for (Object value : row) {
              bind(ps, index++, value);
            }
          }
          if (returning == null) {
            ps.executeUpdate();
          } else {
            readAll(ps, returning);
          }
        } finally {
          statements.done(ps);
        }
      }
      if (joinsPinned) {
        try (Statement s = tx.connection().createStatement()) {
          s.execute("SET LOCAL enable_hashjoin TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT");
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Multi-row statement failed: " + e.getMessage(), e);
    }
  }

  private static void readAll(PreparedStatement ps, RowReader reader) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }

  /**
   * The statements of one chunked operation: the one for a full chunk is prepared once and kept until
   * {@link #close}, a shorter last chunk's is closed when done.
   */
  private static final class Statements implements AutoCloseable {
    private final Connection connection;
    private final int fullSize;
    private @Nullable PreparedStatement full;

    Statements(Connection connection, int fullSize) {
      this.connection = connection;
      this.fullSize = fullSize;
    }

    PreparedStatement forRows(int rows, IntFunction<String> sql) throws SQLException {
      if (rows == fullSize) {
        if (full == null) {
          full = connection.prepareStatement(sql.apply(rows));
        }
        return full;
      }
      return connection.prepareStatement(sql.apply(rows));
    }

    void done(PreparedStatement ps) throws SQLException {
      if (ps != full) {
        ps.close();
      }
    }

    @Override
    public void close() {
      if (full != null) {
        try {
          full.close();
        } catch (SQLException e) {
          // closing a statement of a connection that is about to be returned; nothing to recover
        }
      }
    }
  }

  /** A {@code VALUES} list of {@code rows} rows of {@code columns} placeholders each: {@code (?, ?), (?, ?)}. */
  public static String valueRows(int rows, int columns) {
    String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    return String.join(", ", Collections.nCopies(rows, row));
  }

  /** {@code n} placeholder values for an IN list template. */
  public static List<String> placeholders(int n) {
    return Collections.nCopies(n, "");
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR); // only text columns are ever bound null on the hot path
    } else if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof Long l) {
      ps.setLong(index, l);
    } else if (value instanceof Integer i) {
      ps.setInt(index, i);
    } else {
      ps.setObject(index, value);
    }
  }

}
