package org.catalogengine.error;

/**
 * A write was refused because another writer owns the target (locationKey conflict, spec K1–K5) or because
 * an entity's identity changed during processing.
 *
 * @since 0.1 (maintained)
 */
public class ConflictException extends CatalogException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
