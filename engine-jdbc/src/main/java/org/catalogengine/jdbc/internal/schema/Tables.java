package org.catalogengine.jdbc.internal.schema;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The store's tables, named with the configured prefix (and schema on PostgreSQL), and their columns. Built
 * once per store; jOOQ without code generation, so every column is a typed {@link Field} here.
 */
public final class Tables {

  // columns (unqualified: each query names one table, or qualifies through an alias)
  public static final Field<String> ENTITY_ID = field(name("entity_id"), SQLDataType.VARCHAR(36));
  public static final Field<String> ENTITY_REF = field(name("entity_ref"), SQLDataType.VARCHAR(255));
  public static final Field<String> UNPROCESSED_ENTITY = field(name("unprocessed_entity"), SQLDataType.CLOB);
  public static final Field<String> UNPROCESSED_HASH = field(name("unprocessed_hash"), SQLDataType.VARCHAR(40));
  public static final Field<String> PROCESSED_ENTITY = field(name("processed_entity"), SQLDataType.CLOB);
  public static final Field<String> RESULT_HASH = field(name("result_hash"), SQLDataType.VARCHAR(64));
  public static final Field<String> ERRORS = field(name("errors"), SQLDataType.CLOB);
  public static final Field<String> LOCATION_KEY = field(name("location_key"), SQLDataType.CLOB);
  public static final Field<Long> LAST_DISCOVERY_AT = field(name("last_discovery_at"), SQLDataType.BIGINT);

  public static final Field<Long> NEXT_UPDATE_AT = field(name("next_update_at"), SQLDataType.BIGINT);
  public static final Field<Long> LEASE_UNTIL = field(name("lease_until"), SQLDataType.BIGINT);
  public static final Field<String> LEASE_OWNER = field(name("lease_owner"), SQLDataType.VARCHAR(64));
  public static final Field<Integer> FAILURE_COUNT = field(name("failure_count"), SQLDataType.INTEGER);

  public static final Field<String> SOURCE_KEY = field(name("source_key"), SQLDataType.VARCHAR(255));
  public static final Field<String> SOURCE_ENTITY_REF = field(name("source_entity_ref"), SQLDataType.VARCHAR(255));
  public static final Field<String> TARGET_ENTITY_REF = field(name("target_entity_ref"), SQLDataType.VARCHAR(255));

  public static final Field<String> ORIGINATING_ENTITY_ID =
      field(name("originating_entity_id"), SQLDataType.VARCHAR(36));
  public static final Field<String> TYPE = field(name("type"), SQLDataType.VARCHAR(255));
  /** The type of the reverse relation a relation row also holds, or null (schema V3, {@code RelationRows}). */
  public static final Field<String> REVERSE_TYPE = field(name("reverse_type"), SQLDataType.VARCHAR(255));

  public static final Field<String> STITCH_TICKET = field(name("stitch_ticket"), SQLDataType.VARCHAR(36));
  public static final Field<Long> NEXT_STITCH_AT = field(name("next_stitch_at"), SQLDataType.BIGINT);

  public static final Field<String> REFRESH_KEY = field(name("refresh_key"), SQLDataType.VARCHAR(255));

  public static final Field<String> ID = field(name("id"), SQLDataType.VARCHAR(36));
  public static final Field<String> TARGET = field(name("target"), SQLDataType.CLOB);
  public static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);

  public static final Field<String> SOURCE = field(name("source"), SQLDataType.VARCHAR(320));
  public static final Field<String> EXISTING_LOCATION_KEY = field(name("existing_location_key"), SQLDataType.CLOB);
  public static final Field<String> REJECTED_LOCATION_KEY = field(name("rejected_location_key"), SQLDataType.CLOB);
  public static final Field<Long> FIRST_SEEN_AT = field(name("first_seen_at"), SQLDataType.BIGINT);
  public static final Field<Long> LAST_SEEN_AT = field(name("last_seen_at"), SQLDataType.BIGINT);
  public static final Field<Long> SEEN_COUNT = field(name("seen_count"), SQLDataType.BIGINT);

  /** Every table, in an order safe for deleting rows (children first). */
  public final Table<Record> refreshState;
  public final Table<Record> processingQueue;
  public final Table<Record> references;
  public final Table<Record> relations;
  public final Table<Record> finalEntities;
  public final Table<Record> generationCounter;
  public final Table<Record> search;
  public final Table<Record> stitchQueue;
  public final Table<Record> refreshKeys;
  public final Table<Record> locations;
  public final Table<Record> conflicts;
  private final String prefix;
  private final @Nullable String schema;

  public Tables(String prefix, @Nullable String schema) {
    this.prefix = prefix;
    this.schema = schema;
    refreshState = t("refresh_state");
    processingQueue = t("processing_queue");
    references = t("refresh_state_references");
    relations = t("relations");
    finalEntities = t("final_entities");
    generationCounter = t("generation_counter");
    search = t("search");
    stitchQueue = t("stitch_queue");
    refreshKeys = t("refresh_keys");
    locations = t("locations");
    conflicts = t("conflicts");
  }

  /** The table name (with prefix, without schema) of a logical table. */
  public String tableName(String logical) {
    return prefix + logical;
  }

  /** The prefix. */
  public String prefix() {
    return prefix;
  }

  /** The PostgreSQL schema, or null. */
  public @Nullable String schema() {
    return schema;
  }

  /** All tables with their logical names, for statistics and test snapshots. */
  public java.util.Map<String, Table<Record>> all() {
    java.util.LinkedHashMap<String, Table<Record>> m = new java.util.LinkedHashMap<>();
    m.put("refresh_state", refreshState);
    m.put("processing_queue", processingQueue);
    m.put("refresh_state_references", references);
    m.put("relations", relations);
    m.put("final_entities", finalEntities);
    m.put("generation_counter", generationCounter);
    m.put("search", search);
    m.put("stitch_queue", stitchQueue);
    m.put("refresh_keys", refreshKeys);
    m.put("locations", locations);
    m.put("conflicts", conflicts);
    return m;
  }

  private Table<Record> t(String logical) {
    return schema == null ? table(name(prefix + logical)) : table(name(schema, prefix + logical));
  }

  /** A column of an aliased table, e.g. {@code col("e", TARGET_ENTITY_REF)}. */
  public static <T> Field<T> col(String alias, Field<T> column) {
    return field(name(alias, column.getName()), column.getDataType());
  }
}
