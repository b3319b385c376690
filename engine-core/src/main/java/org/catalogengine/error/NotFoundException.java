package org.catalogengine.error;

/**
 * A requested entity, location or resource does not exist.
 *
 * @since 0.1 (maintained)
 */
public class NotFoundException extends CatalogException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
