package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.catalogengine.spi.storage.StoredEntry;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.jooq.exception.DataAccessException;

/**
 * Streams a provider's bucket as (ref, unprocessed hash, location key) — never bodies — for planning (P4). On
 * SQLite the entity rows are read through the index that holds those three columns (schema V5), named here
 * because SQLite's planner, without statistics, would take the ref's unique index and then each row's table page.
 */
public final class LoadBucket {
  private LoadBucket() {}

  public static List<StoredEntry> run(Tx tx, String source) {
    String sql = sql(tx);
    List<StoredEntry> out = new ArrayList<>();
    try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
      // stream rather than buffer 100k rows: PostgreSQL (in a transaction) and MariaDB honour the fetch size
      ps.setFetchSize(5_000);
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredEntry(EntityRef.parse(rs.getString(1)), rs.getString(2), rs.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException(sql + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Whether the provider has no entity stored (its first mutation, or all it sent was removed). */
  public static boolean isEmpty(Tx tx, String source) {
    return !tx.dsl().fetchExists(tx.dsl().selectOne().from(tx.t().references).where(SOURCE_KEY.eq(source)));
  }

  /** The query, with one parameter: the provider's source key. */
  static String sql(Tx tx) {
    return tx.dsl().render(tx.dsl()
        .select(col("r", ENTITY_REF), col("r", UNPROCESSED_HASH), col("r", LOCATION_KEY))
        .from(tx.t().references.as("e"))
        .join(tx.refreshStateVia(Dialect.BUCKET_INDEX, "r")).on(col("r", ENTITY_REF).eq(col("e", TARGET_ENTITY_REF)))
        .where(col("e", SOURCE_KEY).eq("")));
  }
}
