package org.catalogengine.benchmarks.jmh;

import org.catalogengine.model.CanonicalJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.databind.JsonNode;

/**
 * Canonical JSON (key-sorted, compact) of one entity: the bytes ({@link CanonicalJson#toBytes}) and the hex SHA-1
 * ({@link CanonicalJson#sha1}, streamed into the digest without a byte array), which the engine computes for every
 * incoming entity (unprocessed hash), processed entity and final entity.
 *
 * <p>Workload ({@code shape}): {@code component} is a typical generated Component (about 1 KB of canonical JSON);
 * {@code group10k} is a generated Group whose {@code spec.members} lists 10,000 users (about 200 KB). The JSON tree
 * is built once in setup; the measured methods only write and hash it.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CanonicalJsonBenchmark
 * java -jar benchmarks/target/benchmarks.jar CanonicalJsonBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class CanonicalJsonBenchmark extends JmhDefaults {

  /** Which entity to serialize: {@code component} or {@code group10k}. */
  @Param({Fixtures.COMPONENT, Fixtures.GROUP_10K})
  public String shape = Fixtures.COMPONENT;

  JsonNode node = CanonicalJson.MAPPER.nullNode();

  /** Builds the entity tree. */
  @Setup
  public void setup() {
    node = Fixtures.entity(shape);
  }

  /** Canonical JSON bytes of the entity. */
  @Benchmark
  public byte[] canonicalBytes() {
    return CanonicalJson.toBytes(node);
  }

  /** Hex SHA-1 of the entity's canonical JSON. */
  @Benchmark
  public String sha1() {
    return CanonicalJson.sha1(node);
  }
}
