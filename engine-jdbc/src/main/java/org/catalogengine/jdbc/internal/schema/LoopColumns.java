package org.catalogengine.jdbc.internal.schema;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns the processing loop and the stitcher use beyond {@link Tables}' (cache, final entities, search). */
public final class LoopColumns {
  public static final Field<String> CACHE = field(name("cache"), SQLDataType.CLOB);
  public static final Field<String> HASH = field(name("hash"), SQLDataType.VARCHAR(40));
  public static final Field<String> FINAL_ENTITY = field(name("final_entity"), SQLDataType.CLOB);
  public static final Field<Long> LAST_UPDATED_AT = field(name("last_updated_at"), SQLDataType.BIGINT);
  public static final Field<Long> GENERATION = field(name("generation"), SQLDataType.BIGINT);
  public static final Field<Integer> COUNTER_ID = field(name("id"), SQLDataType.INTEGER);
  public static final Field<String> SEARCH_KEY = field(name("search_key"), SQLDataType.VARCHAR(200));
  public static final Field<String> SEARCH_VALUE = field(name("search_value"), SQLDataType.VARCHAR(200));
  public static final Field<String> ORIGINAL_VALUE = field(name("original_value"), SQLDataType.VARCHAR(200));
  /** 1 where the row also stands for T9's {@code <key>.<value> = true} row, else 0 (schema V4). */
  public static final Field<Integer> ELEMENT_KEY = field(name("element_key"), SQLDataType.INTEGER);

  private LoopColumns() {}
}
