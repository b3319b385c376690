package org.catalogengine.benchmarks.jmh;

import java.util.List;
import org.catalogengine.internal.processing.ResultHasher;
import org.catalogengine.model.BuiltinRelations;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The result hash of one processing run ({@link ResultHasher#hash}, spec L25), which every processing run computes
 * to tell whether its result changed: the completed entity's canonical JSON, then each relation's source, type and
 * target as JSON strings, the refresh keys and the parent refs, all streamed into one SHA-1.
 *
 * <p>Workload ({@code shape}): {@code component} is the typical generated Component of
 * {@link Fixtures#typicalComponent()} with the dozen relations {@link BuiltinRelations#of} gives it; {@code
 * group10k} the Group of {@link Fixtures#largeGroup(int)} with 10,000 members and 20,000 relations. Each has one
 * parent (its location). Entity and relations are built once in setup; the measured method only hashes.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ResultHashBenchmark
 * java -jar benchmarks/target/benchmarks.jar ResultHashBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class ResultHashBenchmark extends JmhDefaults {

  /** Which entity's run: {@code component} or {@code group10k}. */
  @Param({Fixtures.COMPONENT, Fixtures.GROUP_10K})
  public String shape = Fixtures.COMPONENT;

  Entity entity = Entity.of(Fixtures.typicalComponent());
  List<Relation> relations = List.of();
  List<EntityRef> parents = List.of(EntityRef.parse("location:default/generated-0"));

  /** Builds the entity and its relations. */
  @Setup
  public void setup() {
    entity = Entity.of(Fixtures.entity(shape));
    relations = BuiltinRelations.of(entity);
  }

  /** The hex SHA-1 of the run's result. */
  @Benchmark
  public String resultHash() {
    return ResultHasher.hash(List.of(), entity, List.of(), relations, List.of(), parents);
  }
}
