package org.catalogengine.internal.provider;

import java.util.Objects;
import org.catalogengine.error.InputException;

/**
 * A location reference {@code type:target}, such as {@code url:https://git/x.yaml} or {@code file:/srv/a.yaml}.
 *
 * @param type the reader type, never empty
 * @param target the type-specific target, never empty
 */
public record LocationRef(String type, String target) {

  /** Checks that both parts are non-empty. */
  public LocationRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    if (type.isEmpty()) {
      throw new InputException("Location reference with target '" + target + "' has an empty type");
    }
    if (target.isEmpty()) {
      throw new InputException("Location reference of type '" + type + "' has an empty target");
    }
  }

  /** A reference from its parts. */
  public static LocationRef of(String type, String target) {
    return new LocationRef(type, target);
  }

  /**
   * Parses {@code type:target}, splitting at the first colon and trimming both parts (as Backstage's
   * {@code parseLocationRef} does).
   *
   * @throws InputException naming the value if there is no colon, a part is empty, or the type is
   *     {@code http}/{@code https} (a bare URL that lacks the {@code url:} prefix)
   */
  public static LocationRef parse(String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new InputException(
          "Location reference '" + value + "' is not of the form '<type>:<target>', e.g. 'url:https://host/path'");
    }
    String type = value.substring(0, colon).trim();
    String target = value.substring(colon + 1).trim();
    if (type.isEmpty() || target.isEmpty()) {
      throw new InputException("Location reference '" + value + "' has an empty " + (type.isEmpty() ? "type" : "target")
          + "; expected '<type>:<target>', e.g. 'url:https://host/path'");
    }
    if (type.equals("http") || type.equals("https")) {
      throw new InputException(
          "Location reference '" + value + "' lacks a type; prefix it with 'url:', e.g. 'url:" + value + "'");
    }
    return new LocationRef(type, target);
  }

  /** The string form {@code type:target}. */
  @Override
  public String toString() {
    return type + ':' + target;
  }
}
