package org.catalogengine.benchmarks.generator;

import java.util.Locale;
import java.util.Optional;

/** The built-in kinds the generator produces, in stream order, with the name infix each uses. */
enum GenKind {
  DOMAIN("Domain", "domain"),
  GROUP("Group", "team"),
  USER("User", "user"),
  SYSTEM("System", "system"),
  API("API", "api"),
  RESOURCE("Resource", "res"),
  COMPONENT("Component", "svc");

  /** The {@code kind} field value. */
  final String kindName;
  /** The infix put into generated names, so names of different kinds never look alike. */
  final String infix;

  GenKind(String kindName, String infix) {
    this.kindName = kindName;
    this.infix = infix;
  }

  /** The generated kind for a {@code kind} field value (case-insensitive). */
  static Optional<GenKind> of(String kind) {
    for (GenKind k : values()) {
      if (k.kindName.equalsIgnoreCase(kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The lower-case kind used in refs. */
  String refKind() {
    return kindName.toLowerCase(Locale.ROOT);
  }
}
