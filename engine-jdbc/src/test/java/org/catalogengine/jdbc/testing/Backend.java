package org.catalogengine.jdbc.testing;

import java.util.stream.Stream;

/** The databases every storage test runs on. */
public enum Backend {
  SQLITE,
  POSTGRES,
  MARIADB;

  /** The matrix, for {@code @MethodSource}. */
  public static Stream<Backend> all() {
    return Stream.of(values());
  }
}
