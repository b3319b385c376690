package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.catalogengine.CatalogEngine;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.provider.EntityProviderConnection;
import org.catalogengine.spi.storage.CatalogStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's engine example, kept here so it cannot rot. */
class ReadmeEngineExampleTest {

  // --- README: provider ---
  /** A provider that owns the "teams" bucket and pushes its whole contents once at start. */
  static final class TeamsProvider implements EntityProvider {
    @Override
    public String name() {
      return "teams";
    }

    @Override
    public void connect(EntityProviderConnection connection) {
      Entity team = Entity.parse("""
          {"apiVersion": "backstage.io/v1alpha1", "kind": "Group",
           "metadata": {"name": "team-a", "annotations": {
             "backstage.io/managed-by-location": "url:https://hr.example/teams",
             "backstage.io/managed-by-origin-location": "url:https://hr.example/teams"}},
           "spec": {"type": "team", "children": []}}""");
      connection.applyMutation(EntityMutation.full(List.of(DeferredEntity.of(team, "url:https://hr.example/teams"))));
    }
  }
  // --- README: end ---

  @Test
  void readmeEngineExample_providerMutationIsStored(@TempDir Path dir) {
    String jdbcUrl = "jdbc:sqlite:" + dir.resolve("catalog.db");
    // --- README: engine ---
    try (CatalogStore store = JdbcCatalogStore.builder().jdbcUrl(jdbcUrl).build();   // migrates on start
         CatalogEngine engine = CatalogEngine.builder().store(store).provider(new TeamsProvider()).build()) {
      engine.start();                                                  // connects providers: one full mutation
      var state = store.findEntityState(EntityRef.parse("group:default/team-a")).orElseThrow();
      System.out.println(state.ref() + " from " + state.locationKey() + ", due " + state.nextUpdateAt());
      // --- README: end ---
      assertThat(state.locationKey()).isEqualTo("url:https://hr.example/teams");
      assertThat(store.sourceKeys()).contains("teams");
      assertThat(store.edgesTo(state.ref())).singleElement()
          .satisfies(edge -> assertThat(edge.sourceKey()).isEqualTo("teams"));
    }
  }
}
