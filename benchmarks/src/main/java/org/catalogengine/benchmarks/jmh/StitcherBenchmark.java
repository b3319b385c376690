package org.catalogengine.benchmarks.jmh;

import java.util.List;
import org.catalogengine.internal.stitching.StitchInput;
import org.catalogengine.internal.stitching.StitchResult;
import org.catalogengine.internal.stitching.Stitcher;
import org.catalogengine.model.Entity;
import org.catalogengine.model.Relation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link Stitcher#stitch} of one entity: copy of the processed JSON, relations sorted into it, canonical bytes,
 * SHA-1 and, when the hash differs from the stored one, the search rows and the final text.
 *
 * <p>Workload ({@code shape}): {@code component} is a typical generated Component with 8 relations (ownedBy,
 * partOf, providesApi, consumesApi, dependsOn from its spec, padded with dependencyOf); {@code group10k} is a Group
 * with 10,000 {@code spec.members} and 10,000 hasMember relations. {@link #stitchChanged} has no previous hash
 * (a first stitch: full work); {@link #stitchUnchanged} passes the hash of the same body, so it stops after
 * hashing (spec CS55's unchanged path). Inputs are built once in setup.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar StitcherBenchmark
 * java -jar benchmarks/target/benchmarks.jar StitcherBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class StitcherBenchmark extends JmhDefaults {

  /** Which entity to stitch: {@code component} or {@code group10k}. */
  @Param({Fixtures.COMPONENT, Fixtures.GROUP_10K})
  public String shape = Fixtures.COMPONENT;

  StitchInput changed = placeholder();
  StitchInput unchanged = placeholder();

  /** Builds both inputs; the unchanged one carries the hash a first stitch produces. */
  @Setup
  public void setup() {
    Entity entity = Entity.of(Fixtures.entity(shape));
    List<Relation> relations = Fixtures.relations(shape, entity);
    changed = StitchInput.of(Fixtures.ENTITY_ID, entity, relations);
    StitchResult first = Stitcher.stitch(changed);
    if (!(first instanceof StitchResult.Stitched stitched)) {
      throw new IllegalStateException("setup stitch of " + entity.ref() + " did not produce an entity: " + first);
    }
    unchanged = changed.withPreviousHash(stitched.hash());
  }

  /** A stitch without previous hash: full work, final text and search rows. */
  @Benchmark
  public StitchResult stitchChanged() {
    return Stitcher.stitch(changed);
  }

  /** A stitch whose body hashes to the previous hash: ends after the hash. */
  @Benchmark
  public StitchResult stitchUnchanged() {
    return Stitcher.stitch(unchanged);
  }

  private static StitchInput placeholder() {
    return StitchInput.of("-", Entity.parse(
        "{\"apiVersion\":\"v1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"placeholder\"}}"), List.of());
  }
}
