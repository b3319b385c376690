package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonBenchmarkTest {

  private static CanonicalJsonBenchmark setUp(String shape) {
    CanonicalJsonBenchmark b = new CanonicalJsonBenchmark();
    b.shape = shape;
    b.setup();
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COMPONENT, Fixtures.GROUP_10K})
  void canonicalBytes_reparseToTheSameEntity(String shape) {
    CanonicalJsonBenchmark b = setUp(shape);

    byte[] bytes = b.canonicalBytes();

    assertThat(CanonicalJson.MAPPER.readTree(bytes)).isEqualTo(b.node);
    assertThat(Entity.of(b.node).kind()).isEqualTo(shape.equals(Fixtures.COMPONENT) ? "Component" : "Group");
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COMPONENT, Fixtures.GROUP_10K})
  void sha1_isTheDigestOfTheCanonicalBytes(String shape) throws Exception {
    CanonicalJsonBenchmark b = setUp(shape);

    String hash = b.sha1();

    assertThat(hash).matches("[0-9a-f]{40}");
    assertThat(hash).isEqualTo(CanonicalJson.sha1(b.node));
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(b.canonicalBytes());
    assertThat(hash).isEqualTo(HexFormat.of().formatHex(digest));
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.GROUP_10K})
  void setup_largeGroupHasTenThousandMembers(String shape) {
    CanonicalJsonBenchmark b = setUp(shape);

    assertThat(b.node.path("spec").path("members").size()).isEqualTo(Fixtures.GROUP_MEMBERS);
    assertThat(b.canonicalBytes().length).isGreaterThan(100_000);
  }
}
