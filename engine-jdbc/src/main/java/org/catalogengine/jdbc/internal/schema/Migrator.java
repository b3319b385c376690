package org.catalogengine.jdbc.internal.schema;

import javax.sql.DataSource;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs (or checks) the Flyway migrations of the common scripts with the dialect's placeholders. */
public final class Migrator {
  /** Classpath location of the scripts shared by every dialect. */
  public static final String LOCATION = "classpath:db/migration/common";

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

  private final Flyway flyway;
  private final String description;

  public Migrator(DataSource dataSource, Dialect dialect, String prefix, @Nullable String schema) {
    var config = Flyway.configure(Migrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .placeholders(dialect.placeholders(prefix))
        .table(prefix + "schema_history")
        .failOnMissingLocations(true)
        // the engine may live in a service's existing database or schema (other tables, another prefix):
        // start our own history at version 0 there instead of refusing a non-empty schema
        .baselineOnMigrate(true)
        .baselineVersion("0");
    if (schema != null) {
      config = config.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    this.flyway = config.load();
    this.description = "catalog schema (" + dialect + ", prefix '" + prefix + "'"
        + (schema == null ? "" : ", schema '" + schema + "'") + ")";
  }

  /** Applies pending migrations. */
  public void migrate() {
    try {
      MigrateResult r = flyway.migrate();
      if (r.migrationsExecuted > 0) {
        LOG.info("Migrated {} to version {} ({} migrations)", description, r.targetSchemaVersion,
            r.migrationsExecuted);
      }
    } catch (RuntimeException e) {
      throw new StorageException("Migrating the " + description + " failed: " + e.getMessage(), e);
    }
  }

  /** Fails with a clear message when migrations are pending (migrateOnStart=false against an old schema). */
  public void requireUpToDate() {
    MigrationInfo[] pending;
    try {
      pending = flyway.info().pending();
    } catch (RuntimeException e) {
      throw new StorageException("Checking the " + description + " failed: " + e.getMessage(), e);
    }
    if (pending.length > 0) {
      throw new StorageException("The " + description + " is not migrated: " + pending.length
          + " migration(s) pending, first " + pending[0].getVersion() + " '" + pending[0].getDescription()
          + "'. migrateOnStart is false, so apply the migrations (JdbcCatalogStore.migrate or your own Flyway run"
          + " of " + LOCATION + ") or enable migrateOnStart.");
    }
  }
}
