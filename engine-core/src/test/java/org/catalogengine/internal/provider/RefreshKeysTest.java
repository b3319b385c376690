package org.catalogengine.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RefreshKeysTest {

  static String key(int length) {
    StringBuilder sb = new StringBuilder("url:https://git/");
    while (sb.length() < length) {
      sb.append((char) ('a' + sb.length() % 26));
    }
    return sb.substring(0, length);
  }

  @Test
  void normalize_keyOf255CharsIsUnchanged() {
    String key = key(255);
    assertThat(RefreshKeys.normalize(key)).isSameAs(key);
  }

  @Test
  void normalize_keyOf256CharsIsPrefixPlusSha256() throws Exception {
    String key = key(256);
    String expectedHash = HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));

    String normalized = RefreshKeys.normalize(key);

    assertThat(normalized).isEqualTo(key.substring(0, 180) + "#sha256:" + expectedHash);
    assertThat(normalized).hasSize(180 + 8 + 64);
  }

  @Test
  void normalize_isDeterministicAndDistinguishesKeysWithSamePrefix() {
    String a = key(300);
    String b = a.substring(0, 299) + "!";

    assertThat(RefreshKeys.normalize(a)).isEqualTo(RefreshKeys.normalize(new String(a.toCharArray())));
    assertThat(RefreshKeys.normalize(a)).isNotEqualTo(RefreshKeys.normalize(b));
    assertThat(RefreshKeys.normalize(a).length()).isLessThanOrEqualTo(RefreshKeys.MAX_LENGTH);
  }

  @Test
  void normalize_doesNotSplitSurrogatePair() {
    String key = key(179) + "\uD83D\uDE00" + key(100);

    String normalized = RefreshKeys.normalize(key);

    assertThat(normalized).startsWith(key(179) + "#sha256:");
  }
}
