package org.catalogengine.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Refresh key normalization (spec S9), applied identically when keys are written and looked up. */
public final class RefreshKeys {

  /** Keys up to this many chars are stored as they are. */
  public static final int MAX_LENGTH = 255;

  /** How many leading chars of a long key are kept before its hash. */
  public static final int PREFIX_LENGTH = 180;

  private static final String HASH_MARKER = "#sha256:";

  private RefreshKeys() {}

  /**
   * Returns {@code key} if it has at most 255 chars, else its first 180 chars + {@code #sha256:} + the hex
   * SHA-256 of the full key's UTF-8 bytes (Backstage's {@code generateTargetKey}).
   */
  public static String normalize(String key) {
    if (key.length() <= MAX_LENGTH) {
      return key;
    }
    int cut = PREFIX_LENGTH;
    // Never split a surrogate pair: a lone surrogate is not valid text and a database would mangle it.
    if (Character.isHighSurrogate(key.charAt(cut - 1))) {
      cut--;
    }
    return key.substring(0, cut) + HASH_MARKER + sha256Hex(key);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
