package org.catalogengine.benchmarks.jmh;

import java.util.List;
import org.catalogengine.model.BuiltinRelations;
import org.catalogengine.model.Entity;
import org.catalogengine.model.Relation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link BuiltinRelations#of} of one entity, as the built-in kinds processor runs it for every processed entity:
 * each reference in a relation field parsed against its default kind and the entity's namespace, both directions
 * of every relation collected into a sorted set, then copied into a list.
 *
 * <p>Workload ({@code shape}): {@code component} is the typical generated Component of
 * {@link Fixtures#typicalComponent()} (owner, system, provided and consumed APIs, dependsOn: a dozen rows);
 * {@code group10k} is the Group of {@link Fixtures#largeGroup(int)} with 10,000 {@code spec.members}, so 20,000
 * hasMember/memberOf rows plus its parent and children. Entities are built once in setup; every reference is
 * well-formed, so no problems are collected.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar BuiltinRelationsBenchmark
 * java -jar benchmarks/target/benchmarks.jar BuiltinRelationsBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class BuiltinRelationsBenchmark extends JmhDefaults {

  /** Which entity: {@code component} or {@code group10k}. */
  @Param({Fixtures.COMPONENT, Fixtures.GROUP_10K})
  public String shape = Fixtures.COMPONENT;

  Entity entity = Entity.parse(
      "{\"apiVersion\":\"v1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"placeholder\"}}");

  /** Builds the entity of {@link #shape}. */
  @Setup
  public void setup() {
    entity = Entity.of(Fixtures.entity(shape));
  }

  /** The relation rows (both directions) the entity originates. */
  @Benchmark
  public List<Relation> relations() {
    return BuiltinRelations.of(entity);
  }
}
