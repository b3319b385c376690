package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CanonicalJsonTest {

  private static JsonNode json(String text) {
    return CanonicalJson.MAPPER.readTree(text);
  }

  @Test
  void toJson_sortsKeysAtEveryLevelAndKeepsArrayOrder() {
    assertThat(CanonicalJson.toJson(json("{\"b\":1,\"a\":{\"z\":[3,1,2],\"y\":null}}")))
        .isEqualTo("{\"a\":{\"y\":null,\"z\":[3,1,2]},\"b\":1}");
  }

  @Test
  void write_leavesTheCallersStreamOpen() {
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("CanonicalJson.write closed the caller's stream");
      }
    };
    CanonicalJson.write(json("{\"a\":1}"), out);
    CanonicalJson.write(json("[true]"), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}[true]");
  }

  @Test
  void sha1_isTheHexDigestOfTheCanonicalBytes() {
    // SHA-1 of the 2 bytes "{}" computed independently.
    assertThat(CanonicalJson.sha1(json("{}"))).isEqualTo("bf21a9e8fbc5a3846fb05b4fa0859e0917b2202f");
  }

  @Test
  void incrementalSha1_coversSeveralDocumentsInOrder() {
    String ab = new CanonicalJson.Sha1().update(json("{\"a\":1}")).update(json("[2]")).hex();
    String ba = new CanonicalJson.Sha1().update(json("[2]")).update(json("{\"a\":1}")).hex();
    assertThat(ab).isNotEqualTo(ba).hasSize(40);
  }
}
