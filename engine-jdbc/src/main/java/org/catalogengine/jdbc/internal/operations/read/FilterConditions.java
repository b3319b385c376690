package org.catalogengine.jdbc.internal.operations.read;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.ELEMENT_KEY;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.SEARCH_KEY;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.SEARCH_VALUE;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.query.EntityFilter;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Plans an {@link EntityFilter} (R2) into a condition on the {@code final_entities} table: a pure function (no
 * connection), so JMH can measure it and tests can render it.
 *
 * <p>Every leaf is a membership test of the entity, {@code final_entities.entity_id IN (SELECT entity_id FROM search
 * WHERE search_key = ? AND search_value IN (…))}, as Backstage's IN strategy does, never a predicate on a joined
 * row. So {@code not} is plain SQL {@code NOT}: an entity with no row for the key is not in the set and matches
 * the negation, and the subqueries never yield NULL (their columns are NOT NULL), so no three-valued surprise.
 *
 * <p>Two kinds of T9 search rows are not stored (see {@code SearchRows}); their keys are answered from the tables
 * that hold the same facts:
 * <ul>
 *   <li>{@code relations.<type>}: the relation rows whose {@code source_entity_ref} is the entity's ref, with
 *       {@code lower(type)} and {@code target_entity_ref} (canonical, lower-cased refs), and the rows whose
 *       {@code target_entity_ref} is the entity's ref, with {@code lower(reverse_type)} and {@code
 *       source_entity_ref} (a row may hold a relation and its reverse, {@code RelationRows}); the target and source
 *       indexes serve {@code key=value}. This is the relation set the stitcher puts into the body (T1), read
 *       live.</li>
 *   <li>{@code metadata.uid}: the entity id itself (ids are lower-case UUIDs and filter values are lower-cased, so
 *       the primary-key comparison is the case-insensitive one). Every entity has it, so {@code exists} is true.</li>
 *   <li>{@code <path>.<element> = true} for a string element of an array: the element's own row {@code (<path>,
 *       <element>)}, marked {@code element_key = 1}. A filter on such a key with the value {@code true}, or an
 *       {@code exists}, also matches the marked rows of every split of the key at a dot (schema V4).</li>
 * </ul>
 */
public final class FilterConditions {
  /** Keys under this prefix name a relation type. */
  static final String RELATIONS_PREFIX = "relations.";
  /** The uid key: the final entity's id. */
  static final String UID_KEY = "metadata.uid";
  /** T10: longer keys get no search row (the width of the {@code search_key} column). */
  private static final int MAX_KEY_LENGTH = 200;
  /** The value of T9's {@code <path>.<element>} rows. */
  private static final String TRUE = "true";

  private FilterConditions() {}

  /** The condition on {@code final_entities} that holds for the entities matching {@code filter}. */
  public static Condition of(Tables t, EntityFilter filter) {
    return new Planner(t).plan(filter);
  }

  /** A column of {@code table}, qualified by its full name, so it never binds to a subquery's column. */
  public static <T> Field<T> column(Table<?> table, Field<T> column) {
    return DSL.field(table.getQualifiedName().append(column.getUnqualifiedName()), column.getDataType());
  }

  /** One planning pass over a filter tree. */
  private static final class Planner {
    private final Tables t;
    private final Field<String> entityId;
    private final Field<String> entityRef;

    Planner(Tables t) {
      this.t = t;
      this.entityId = column(t.finalEntities, ENTITY_ID);
      this.entityRef = column(t.finalEntities, ENTITY_REF);
    }

    Condition plan(EntityFilter filter) {
      if (filter instanceof EntityFilter.ValueIn v) {
        return valueIn(v.key(), v.values());
      }
      if (filter instanceof EntityFilter.KeyExists e) {
        return exists(e.key());
      }
      if (filter instanceof EntityFilter.AllOf all) {
        return all.filters().isEmpty() ? DSL.trueCondition()
            : all.filters().size() == 1 ? plan(all.filters().get(0)) : DSL.and(planAll(all.filters()));
      }
      if (filter instanceof EntityFilter.AnyOf any) {
        return any.filters().isEmpty() ? DSL.falseCondition()
            : any.filters().size() == 1 ? plan(any.filters().get(0)) : DSL.or(planAll(any.filters()));
      }
      return DSL.not(plan(((EntityFilter.Not) filter).filter()));
    }

    private List<Condition> planAll(List<EntityFilter> filters) {
      List<Condition> out = new ArrayList<>(filters.size());
      for (EntityFilter f : filters) {
        out.add(plan(f));
      }
      return out;
    }

    private Condition valueIn(String key, List<String> values) {
      if (key.equals(UID_KEY)) {
        return in(entityId, values);
      }
      if (key.startsWith(RELATIONS_PREFIX)) {
        return entityRef.in(RelationRows.sourcesOf(t.relations, values, key.substring(RELATIONS_PREFIX.length())));
      }
      Select<Record1<String>> rows = DSL.select(col("s", ENTITY_ID)).from(t.search.as("s"))
          .where(col("s", SEARCH_KEY).eq(key))
          .and(in(col("s", SEARCH_VALUE), values));
      return entityId.in(values.contains(TRUE) ? withElementRows(rows, key) : rows);
    }

    private Condition exists(String key) {
      if (key.equals(UID_KEY)) {
        return DSL.trueCondition();
      }
      if (key.startsWith(RELATIONS_PREFIX)) {
        return entityRef.in(RelationRows.sourcesOf(t.relations, null, key.substring(RELATIONS_PREFIX.length())));
      }
      return entityId.in(withElementRows(DSL.select(col("s", ENTITY_ID)).from(t.search.as("s"))
          .where(col("s", SEARCH_KEY).eq(key)), key));
    }

    /**
     * {@code rows} and the entities whose marked element rows stand for {@code key = true}: for every split of the
     * key at a dot into {@code <path>.<element>}, the rows {@code (<path>, <element>)} with {@code element_key = 1}
     * (schema V4), in one subquery whose OR the (key, value) index serves term by term. Keys longer than T10's
     * limit have no such row, as they would have had no row of their own.
     */
    private Select<Record1<String>> withElementRows(Select<Record1<String>> rows, String key) {
      if (key.length() > MAX_KEY_LENGTH || key.indexOf('.') < 0) {
        return rows;
      }
      List<Condition> splits = new ArrayList<>();
      for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
        splits.add(col("s", SEARCH_KEY).eq(key.substring(0, dot))
            .and(col("s", SEARCH_VALUE).eq(key.substring(dot + 1))));
      }
      return rows.unionAll(DSL.select(col("s", ENTITY_ID)).from(t.search.as("s"))
          .where(col("s", ELEMENT_KEY).eq(1)).and(DSL.or(splits)));
    }

    private static Condition in(Field<String> field, List<String> values) {
      return values.size() == 1 ? field.eq(values.get(0)) : field.in(values);
    }
  }
}
