package org.catalogengine.internal.stitching;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored error of an entity's last processing run (spec L23), as the stitcher shows it in {@code status.items}.
 *
 * @param name the error's name, for example {@code InputError}
 * @param message the error's message
 * @param serialized the stored serialized error as JSON object text ({@code {name, message, stack, …}}), or
 *     null to show just {@code {name, message}}
 */
public record ProcessingError(String name, String message, @Nullable String serialized) {

  public ProcessingError {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }

  /** An error with no stored serialized form. */
  public static ProcessingError of(String name, String message) {
    return new ProcessingError(name, message, null);
  }
}
