package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.REVERSE_TYPE;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TYPE;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * How an entity's relations are laid out in relation rows (schema V3): two relations of one originating entity
 * between the same two refs in opposite directions share a row. The built-in relations come in such pairs
 * ({@code A ownedBy B} with {@code B ownerOf A}, both made by processing A), so a first load writes half the rows,
 * and half the inserts into the indexes by source and by target.
 *
 * <p>A row {@code (source, type, target, reverseType)} stands for {@code (source, type, target)} and, where
 * {@code reverseType} is set, also for {@code (target, reverseType, source)}. Readers find a ref's relations by
 * source (the first) and by target with a reverse type (the second). Which two relations share a row is decided
 * per pair of refs: the relations from the lower ref to the higher one, by type, are matched with those from the
 * higher to the lower, by type. The same relations always give the same rows, so an unchanged entity rewrites
 * nothing, and a change between two refs rewrites only their rows. Relations of a ref to itself are stored alone.
 */
public final class RelationRows {
  private RelationRows() {}

  /** One relation row; {@code reverseType} null when the row holds one relation (every row before V3 does). */
  public record Row(String source, String type, String target, @Nullable String reverseType) {
    public Row {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(target, "target");
    }

    /** A row that holds one relation. */
    public Row(String source, String type, String target) {
      this(source, type, target, null);
    }

    /** The relations this row stands for: its own and, where it holds one, the reverse. */
    public void forEachRelation(Consumer<Relation> out) {
      EntityRef from = EntityRef.parse(source);
      EntityRef to = EntityRef.parse(target);
      out.accept(new Relation(from, type, to));
      if (reverseType != null) {
        out.accept(new Relation(to, reverseType, from));
      }
    }

    /** The refs whose relations this row holds: the source and, for a reverse relation, the target. */
    public void forEachSource(Consumer<String> out) {
      out.accept(source);
      if (reverseType != null) {
        out.accept(target);
      }
    }
  }

  /** The rows that hold {@code relations} (one originating entity's; duplicates are collapsed). */
  public static Set<Row> of(Collection<Relation> relations) {
    Set<Row> rows = new HashSet<>();
    Map<List<String>, Types> between = new HashMap<>();
    for (Relation r : relations) {
      String source = r.source().toString();
      String target = r.target().toString();
      int order = source.compareTo(target);
      if (order == 0) {
        rows.add(new Row(source, r.type(), target));
      } else {
        Types types = between.computeIfAbsent(order < 0 ? List.of(source, target) : List.of(target, source),
            k -> new Types());
        (order < 0 ? types.up : types.down).add(r.type());
      }
    }
    for (Map.Entry<List<String>, Types> e : between.entrySet()) {
      String low = e.getKey().get(0);
      String high = e.getKey().get(1);
      Iterator<String> up = e.getValue().up.iterator();
      Iterator<String> down = e.getValue().down.iterator();
      while (up.hasNext() && down.hasNext()) {
        rows.add(new Row(low, up.next(), high, down.next()));
      }
      up.forEachRemaining(type -> rows.add(new Row(low, type, high)));
      down.forEachRemaining(type -> rows.add(new Row(high, type, low)));
    }
    return rows;
  }

  /**
   * The refs that are the source of a relation whose target is one of {@code targets} (null: any target) and
   * whose lower-cased type is {@code lowerType} (null: any type): the sources of the rows that match by target and
   * type, and the targets of the rows that match by source and reverse type. Duplicates are not removed. The
   * relation table is aliased {@code r}, so the query can sit inside another one on the same table.
   */
  public static Select<Record1<String>> sourcesOf(Table<?> relations, @Nullable Collection<String> targets,
      @Nullable String lowerType) {
    return DSL.select(col("r", SOURCE_ENTITY_REF)).from(relations.as("r"))
        .where(matching(col("r", TARGET_ENTITY_REF), targets)).and(typed(col("r", TYPE), lowerType))
        .unionAll(DSL.select(col("r", TARGET_ENTITY_REF)).from(relations.as("r"))
            .where(matching(col("r", SOURCE_ENTITY_REF), targets)).and(typed(col("r", REVERSE_TYPE), lowerType))
            .and(col("r", REVERSE_TYPE).isNotNull()));
  }

  private static Condition matching(Field<String> ref, @Nullable Collection<String> refs) {
    if (refs == null) {
      return DSL.noCondition();
    }
    return refs.size() == 1 ? ref.eq(refs.iterator().next()) : ref.in(refs);
  }

  private static Condition typed(Field<String> type, @Nullable String lowerType) {
    return lowerType == null ? DSL.noCondition() : DSL.lower(type).eq(lowerType);
  }

  /** The relations {@code rows} stand for, in row order. */
  public static List<Relation> relations(Collection<Row> rows) {
    List<Relation> out = new ArrayList<>(rows.size() * 2);
    rows.forEach(row -> row.forEachRelation(out::add));
    return out;
  }

  /** The types from the lower ref to the higher one and back, each sorted and distinct. */
  private static final class Types {
    final TreeSet<String> up = new TreeSet<>();
    final TreeSet<String> down = new TreeSet<>();
  }
}
