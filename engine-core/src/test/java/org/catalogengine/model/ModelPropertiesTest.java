package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Property tests (QuickTheories) for reference round trips and the canonical JSON hash. */
class ModelPropertiesTest {

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";

  /** Strings over an alphabet; the first character from {@code first}, the rest from {@code rest}. */
  private static Gen<String> word(String first, String rest, int maxLength) {
    Gen<Integer> head = integers().between(0, first.length() - 1);
    Gen<List<Integer>> tail = lists().of(integers().between(0, rest.length() - 1)).ofSizeBetween(0, maxLength - 1);
    return head.zip(tail, (h, t) -> {
      StringBuilder sb = new StringBuilder().append(first.charAt(h));
      t.forEach(i -> sb.append(rest.charAt(i)));
      return sb.toString();
    });
  }

  /** Canonical refs: kinds per E9, namespaces per E11, names per E10 (all lower case). */
  private static Gen<EntityRef> canonicalRefs() {
    Gen<String> kind = word(LOWER, LOWER + DIGITS, 20);
    Gen<String> namespace = word(LOWER + DIGITS, LOWER + DIGITS + "-", 20)
        .map(s -> s.endsWith("-") ? s + "0" : s).map(s -> s.replaceAll("-+", "-"));
    Gen<String> name = word(LOWER + DIGITS, LOWER + DIGITS + "-_.", 40).map(s -> s + "z");
    return kind.zip(namespace, name, EntityRef::of);
  }

  @Test
  void entityRef_parseOfToStringRoundTrips() {
    qt().forAll(canonicalRefs()).checkAssert(ref -> {
      assertThat(EntityRef.parse(ref.toString())).isEqualTo(ref);
      assertThat(EntityRef.parse(ref.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(ref);
    });
  }

  @Test
  void canonicalJsonSha1_doesNotDependOnObjectKeyOrder() {
    Gen<List<Integer>> values = lists().of(integers().between(-1000, 1000)).ofSizeBetween(0, 30);
    qt().forAll(values).checkAssert(list -> {
      ObjectNode forward = CanonicalJson.MAPPER.createObjectNode();
      ObjectNode backward = CanonicalJson.MAPPER.createObjectNode();
      for (int i = 0; i < list.size(); i++) {
        forward.put("k" + i, list.get(i));
        forward.withObject("nested").put("n" + i, "v" + list.get(i));
      }
      for (int i = list.size() - 1; i >= 0; i--) {
        backward.withObject("nested").put("n" + i, "v" + list.get(i));
        backward.put("k" + i, list.get(i));
      }
      assertThat(CanonicalJson.sha1(backward)).isEqualTo(CanonicalJson.sha1(forward));
    });
  }

  @Test
  void canonicalJsonSha1_dependsOnArrayOrder() {
    Gen<List<Integer>> values = lists().of(integers().between(0, 50)).ofSizeBetween(2, 20);
    qt().forAll(values)
        .assuming(list -> !list.equals(reversed(list)))
        .checkAssert(list -> {
          assertThat(CanonicalJson.sha1(array(reversed(list)))).isNotEqualTo(CanonicalJson.sha1(array(list)));
          assertThat(CanonicalJson.sha1(array(new ArrayList<>(list)))).isEqualTo(CanonicalJson.sha1(array(list)));
        });
  }

  private static List<Integer> reversed(List<Integer> list) {
    List<Integer> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static ObjectNode array(List<Integer> list) {
    ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
    ArrayNode tags = root.putArray("tags");
    list.forEach(tags::add);
    return root;
  }
}
