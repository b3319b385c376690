package org.catalogengine.spi.provider;

/**
 * A source of entities, such as an LDAP directory or an SCM organisation (spec P1, P2).
 *
 * <p>The engine calls {@link #connect} once when it starts; from then on the provider pushes mutations through
 * the connection whenever it likes, from any thread. The provider's {@link #name()} is its bucket key: it must
 * be unique within an engine (a duplicate fails {@code CatalogEngine.builder().build()}) and stable across
 * restarts, since renaming a provider abandons its old bucket.
 *
 * <pre>{@code
 * final class TeamsProvider implements EntityProvider {
 *   public String name() { return "teams"; }
 *   public void connect(EntityProviderConnection connection) {
 *     connection.applyMutation(EntityMutation.full(loadTeams()));
 *   }
 * }
 * }</pre>
 *
 * @since 0.1 (maintained)
 */
public interface EntityProvider {

  /** The unique, stable name of this provider; its bucket's source key. */
  String name();

  /**
   * Called once at engine start with the connection this provider uses to apply mutations.
   * An exception thrown here is logged with the provider's name and does not stop the engine.
   */
  void connect(EntityProviderConnection connection);
}
