package org.catalogengine.spi.processor;

import java.util.Locale;
import java.util.Objects;
import org.catalogengine.error.InputException;

/**
 * A place entities are read from: a location type ({@code url}, {@code file}, ...), a target (URL or path) and
 * whether its absence is an error. Its string form {@code type:target} is what the location annotations
 * ({@code backstage.io/managed-by-location}) and default location keys (spec K6) hold.
 *
 * <pre>{@code
 * LocationSpec loc = LocationSpec.parse("url:https://git/org/repo/blob/main/catalog-info.yaml");
 * loc.type();      // "url"
 * loc.toString();  // "url:https://git/org/repo/blob/main/catalog-info.yaml"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the location type, non-empty
 * @param target the URL or path, non-empty
 * @param presence whether a missing target is an error
 * @since 0.1 (experimental)
 */
public record LocationSpec(String type, String target, Presence presence) {

  /** Whether a location must exist (spec L10: default {@code required}). */
  public enum Presence {
    /** A missing target is a NotFoundError. */
    REQUIRED,
    /** A missing target is silently skipped (spec CS35). */
    OPTIONAL;

    /** Parses {@code required}/{@code optional} case-insensitively. */
    public static Presence parse(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "required" -> REQUIRED;
        case "optional" -> OPTIONAL;
        default -> throw new InputException(
            "Location presence must be 'required' or 'optional', got '" + value + "'");
      };
    }

    /** The lower-case spelling used in Location entities. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Creates a location spec.
   *
   * @throws InputException if the type or target is empty
   */
  public LocationSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(presence, "presence");
    if (type.isEmpty()) {
      throw new InputException("Location type must not be empty (target '" + target + "')");
    }
    if (target.isEmpty()) {
      throw new InputException("Location target must not be empty (type '" + type + "')");
    }
  }

  /** A required location. */
  public static LocationSpec of(String type, String target) {
    return new LocationSpec(type, target, Presence.REQUIRED);
  }

  /**
   * Parses {@code type:target}: the type is the text before the first colon.
   *
   * @throws InputException if there is no colon or either part is empty
   */
  public static LocationSpec parse(String ref) {
    int colon = ref.indexOf(':');
    if (colon <= 0 || colon == ref.length() - 1) {
      throw new InputException("Location reference '" + ref + "' must have the form type:target");
    }
    return of(ref.substring(0, colon), ref.substring(colon + 1));
  }

  /** True when {@link #presence()} is {@link Presence#OPTIONAL}. */
  public boolean optional() {
    return presence == Presence.OPTIONAL;
  }

  /** The same location with another target (same type and presence). */
  public LocationSpec withTarget(String newTarget) {
    return new LocationSpec(type, newTarget, presence);
  }

  /** {@code type:target}; presence is not part of the string form. */
  @Override
  public String toString() {
    return type + ':' + target;
  }
}
