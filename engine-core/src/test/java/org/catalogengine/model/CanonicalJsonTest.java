package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

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
  void sha1OfTheBytes_equalsTheHashOfTheNode() {
    JsonNode node = json("{\"z\":\"\u00e9t\u00e9 \\\"q\\\"\",\"a\":[1,2.5,{\"y\":null,\"b\":true}]}");
    assertThat(CanonicalJson.sha1(CanonicalJson.toBytes(node))).isEqualTo(CanonicalJson.sha1(node));
    assertThat(CanonicalJson.sha1(CanonicalJson.toBytes(json("{}"))))
        .isEqualTo("bf21a9e8fbc5a3846fb05b4fa0859e0917b2202f");
  }

  @Test
  void canonicalJsonHashed_givesTheCanonicalTextAndTheContentHashOfOneSerialisation() {
    String text = "{\"kind\":\"Component\",\"apiVersion\":\"backstage.io/v1alpha1\",\"metadata\":{\"name\":\"a\","
        + "\"description\":\"Caf\u00e9\"},\"spec\":{\"type\":\"service\",\"owner\":\"team\","
        + "\"lifecycle\":\"production\"}}";
    Entity fresh = Entity.parse(text);
    Entity other = Entity.parse(text);
    String body = fresh.canonicalJsonHashed();
    assertThat(body).isEqualTo(other.canonicalJson());
    // the hash it left behind is the one computed from the tree
    assertThat(fresh.contentHash()).isEqualTo(other.contentHash())
        .isEqualTo(CanonicalJson.sha1(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void incrementalSha1_coversSeveralDocumentsInOrder() {
    String ab = new CanonicalJson.Sha1().update(json("{\"a\":1}")).update(json("[2]")).hex();
    String ba = new CanonicalJson.Sha1().update(json("[2]")).update(json("{\"a\":1}")).hex();
    assertThat(ab).isNotEqualTo(ba).hasSize(40);
  }

  /** The direct string path must add exactly the bytes the mapper writes for the same string node. */
  private static void assertSameAsMapper(String value) {
    String direct = new CanonicalJson.Sha1().updateString(value).hex();
    String viaMapper = new CanonicalJson.Sha1().update(StringNode.valueOf(value)).hex();
    assertThat(direct).as("hash of %s", CanonicalJson.MAPPER.writeValueAsString(value)).isEqualTo(viaMapper);
  }

  @Test
  void updateString_addsTheMappersBytesForEveryAsciiCharacter() {
    for (char c = 0; c < 0x80; c++) {
      assertSameAsMapper("a" + c + "b");
      assertSameAsMapper(String.valueOf(c));
    }
    assertSameAsMapper("");
    assertSameAsMapper("component:default/a-b_c.d");
  }

  @Test
  void updateString_addsTheMappersBytesForRandomUnicodeStrings() {
    Random random = new Random(42);
    int[] ranges = {0x20, 0x80, 0x800, 0xD800, 0x10000, 0x110000};
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int j = 0; j < length; j++) {
        int limit = ranges[random.nextInt(ranges.length)];
        int cp = random.nextInt(limit);
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
          cp = 'x';
        }
        sb.appendCodePoint(cp);
      }
      assertSameAsMapper(sb.toString());
    }
  }

  @Test
  void updateString_leavesLoneSurrogatesToTheMapper() {
    for (String lone : List.of("\uD800", "a\uDC00b", "\uDBFFx", "x\uD83D")) {
      String viaMapper;
      try {
        viaMapper = new CanonicalJson.Sha1().update(StringNode.valueOf(lone)).hex();
      } catch (RuntimeException e) {
        assertThatThrownBy(() -> new CanonicalJson.Sha1().updateString(lone)).isInstanceOf(e.getClass());
        continue;
      }
      assertThat(new CanonicalJson.Sha1().updateString(lone).hex()).isEqualTo(viaMapper);
    }
  }
}
