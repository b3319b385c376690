package org.catalogengine.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.catalogengine.jdbc.JdbcCatalogStore;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands that use a database: a picocli mixin. */
final class StoreOptions {
  static final String DEFAULT_DB = "jdbc:sqlite:catalog.db";

  @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = DEFAULT_DB,
      description = "The catalog database (default: ${DEFAULT-VALUE}, relative to the working directory).")
  String db = DEFAULT_DB;

  /** Opens the store; a relative SQLite file path resolves against the working directory. */
  JdbcCatalogStore open(Path cwd) {
    return JdbcCatalogStore.builder().jdbcUrl(resolve(db, cwd)).build();
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
