package org.catalogengine.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.spi.storage.DeltaPlanner;
import org.catalogengine.spi.storage.MutationPlan;
import org.catalogengine.spi.storage.StoredEntry;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.provider.DeferredEntity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link DeltaPlanner#planFull} of a provider's full mutation (spec P4) against its stored bucket: index the bucket
 * by ref, classify every incoming entity (insert, update, replace, unchanged), collect the deletes, sort the output.
 *
 * <p>Workload ({@code size}): a bucket of {@code size} stored refs (the generated catalog's refs, seed
 * {@value Fixtures#SEED}, with their hashes and {@code url:} location keys, 1,000 refs per key) and an incoming full
 * set of the same {@code size} refs with the same keys, in generation order. {@link #fullOnePercentChanged}: every
 * 100th entity has a changed body, so 1% are updates and 99% unchanged; {@link #fullIdenticalRepeat}: the provider
 * re-sends exactly the stored set (all unchanged, an empty plan). To keep 1,000,000 entities in a few hundred MB,
 * each entity is the generated entity's envelope ({@code apiVersion}, {@code kind}, {@code metadata.name},
 * {@code metadata.annotations}) without {@code spec}.
 *
 * <p>Not measured: hashing. {@link Entity#contentHash()} is computed once per entity and cached, and setup computes
 * it for every incoming entity, so the score is the planning cost alone. A provider's fresh entities pay one
 * canonical SHA-1 each on top (see {@code CanonicalJsonBenchmark.sha1}).
 *
 * <p>Run (from the repository root; setup of the 1,000,000 case takes several seconds per fork):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar DeltaPlannerBenchmark
 * java -jar benchmarks/target/benchmarks.jar DeltaPlannerBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class DeltaPlannerBenchmark extends JmhDefaults {

  /** One incoming entity in this many has a changed body (1%). */
  static final int CHANGE_EVERY = 100;

  /** Refs in the bucket and in the incoming full set. */
  @Param({"100000", "1000000"})
  public int size = 100_000;

  List<StoredEntry> bucket = List.of();
  List<DeferredEntity> identical = List.of();
  List<DeferredEntity> onePercentChanged = List.of();

  /** Generates the bucket and both incoming sets, hashes computed and cached. */
  @Setup
  public void setup() {
    List<StoredEntry> stored = new ArrayList<>(size);
    List<DeferredEntity> same = new ArrayList<>(size);
    List<DeferredEntity> changed = new ArrayList<>(size);
    String[] lastKey = {""};
    CatalogGenerator.generate(Math.max(size, CatalogGenerator.MIN_ENTITIES), Fixtures.SEED, node -> {
      int i = same.size();
      if (i >= size) {
        return;
      }
      ObjectNode metadata = (ObjectNode) node.get("metadata");
      String key = metadata.path("annotations").path(CatalogGenerator.LOCATION_ANNOTATION).asString();
      // one String instance per location file, as a store would intern them
      String locationKey = key.equals(lastKey[0]) ? lastKey[0] : key;
      lastKey[0] = locationKey;
      ObjectNode envelope = CanonicalJson.MAPPER.createObjectNode();
      envelope.set("apiVersion", node.get("apiVersion"));
      envelope.set("kind", node.get("kind"));
      ObjectNode md = envelope.putObject("metadata");
      md.set("name", metadata.get("name"));
      md.set("annotations", metadata.get("annotations"));
      Entity entity = Entity.of(envelope);
      stored.add(new StoredEntry(entity.ref(), entity.contentHash(), locationKey));
      DeferredEntity item = DeferredEntity.of(entity, locationKey);
      same.add(item);
      if (i % CHANGE_EVERY == 0) {
        Entity edited = entity.with(json -> json.withObjectProperty("metadata").put("description", "changed"));
        edited.contentHash();
        changed.add(DeferredEntity.of(edited, locationKey));
      } else {
        changed.add(item);
      }
    });
    bucket = List.copyOf(stored);
    identical = List.copyOf(same);
    onePercentChanged = List.copyOf(changed);
  }

  /** A full mutation with 1% changed bodies: {@code size / 100} updates, the rest unchanged. */
  @Benchmark
  public MutationPlan fullOnePercentChanged() {
    return DeltaPlanner.planFull(bucket, onePercentChanged);
  }

  /** The provider re-sends the stored set unchanged: an empty plan. */
  @Benchmark
  public MutationPlan fullIdenticalRepeat() {
    return DeltaPlanner.planFull(bucket, identical);
  }
}
