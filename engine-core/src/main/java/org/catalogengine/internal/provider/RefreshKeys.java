// TEMP: replaced by the planner branch at merge
package org.catalogengine.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** TEMP copy: refresh key normalisation (S9). */
public final class RefreshKeys {
  private RefreshKeys() {}

  /** Keys over 255 chars become the first 180 chars + {@code #sha256:} + hex SHA-256 of the whole key. */
  public static String normalize(String key) {
    if (key.length() <= 255) {
      return key;
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return key.substring(0, 180) + "#sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
