package org.catalogengine.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.catalogengine.jdbc.JdbcCatalogStore;

/** The {@code --db} option shared by the commands that use a database. */
final class StoreOptions {
  static final String DEFAULT_DB = "jdbc:sqlite:catalog.db";

  private StoreOptions() {}

  /** Opens the store; a relative SQLite file path resolves against the working directory. */
  static JdbcCatalogStore open(String jdbcUrl, Path cwd) {
    return JdbcCatalogStore.builder().jdbcUrl(resolve(jdbcUrl, cwd)).build();
  }

  static String resolve(String jdbcUrl, Path cwd) {
    String prefix = "jdbc:sqlite:";
    if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return jdbcUrl;
    }
    String path = jdbcUrl.substring(prefix.length());
    // file: URIs, :memory: and absolute paths are taken as they are
    if (path.isEmpty() || path.contains(":") || Path.of(path).isAbsolute()) {
      return jdbcUrl;
    }
    return prefix + cwd.resolve(path).toAbsolutePath().normalize();
  }
}
