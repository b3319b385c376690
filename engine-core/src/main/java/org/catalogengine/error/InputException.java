package org.catalogengine.error;

/**
 * Input that the engine refuses: a malformed entity, an unparsable reference, a bad option value.
 * The message names the offending item and the rule it breaks.
 *
 * @since 0.1 (maintained)
 */
public class InputException extends CatalogException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
