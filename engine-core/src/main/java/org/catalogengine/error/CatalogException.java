package org.catalogengine.error;

/**
 * Root of the engine's unchecked exception hierarchy.
 *
 * <p>Callers catch the subtype that matches what they can act on: {@link InputException} for bad input,
 * {@link NotFoundException} for an unknown entity or location, {@link ConflictException} for a locationKey or
 * uniqueness conflict and {@link StorageException} for a database failure.
 *
 * @since 0.1 (maintained)
 */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming what is at fault. */
  public CatalogException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
