package org.catalogengine.benchmarks.jmh;

import java.util.List;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows;
import org.catalogengine.model.BuiltinRelations;
import org.catalogengine.model.Entity;
import org.catalogengine.model.Relation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link RelationRows#of} for one processed entity, as every processing write runs it inside the write
 * transaction (on SQLite, under the single writer): the entity's relations grouped by the two refs they join and
 * each relation matched with one in the opposite direction, so that a relation and its reverse share a row (schema
 * V3).
 *
 * <p>Workload ({@code shape}): the relations {@link BuiltinRelations#of} gives for {@code component}, the typical
 * generated Component of {@link Fixtures#typicalComponent()} (a dozen relations, six rows), and for {@code
 * group10k}, the Group of {@link Fixtures#largeGroup(int)} with 10,000 members (20,000 relations plus its parent
 * and children). The relations are built once in setup.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar RelationRowsBenchmark
 * java -jar benchmarks/target/benchmarks.jar RelationRowsBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class RelationRowsBenchmark extends JmhDefaults {

  /** Which entity's relations: {@code component} or {@code group10k}. */
  @Param({Fixtures.COMPONENT, Fixtures.GROUP_10K})
  public String shape = Fixtures.COMPONENT;

  List<Relation> relations = List.of();

  /** Builds the relations of {@link #shape}. */
  @Setup
  public void setup() {
    relations = BuiltinRelations.of(Entity.of(Fixtures.entity(shape)));
  }

  /** The rows that hold the entity's relations. */
  @Benchmark
  public Set<RelationRows.Row> rows() {
    return RelationRows.of(relations);
  }
}
