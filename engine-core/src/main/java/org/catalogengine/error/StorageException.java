package org.catalogengine.error;

import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A database operation failed. Keeps the SQLState of the underlying {@link SQLException}, if any, so callers
 * can tell a deadlock or serialization failure (retryable) from a schema problem.
 *
 * @since 0.1 (maintained)
 */
public class StorageException extends CatalogException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sqlState;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
    this.sqlState = findSqlState(cause);
  }

  public StorageException(String message) {
    super(message);
    this.sqlState = null;
  }

  /** The SQLState of the first {@link SQLException} in the cause chain, if there is one. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  private static @Nullable String findSqlState(@Nullable Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
