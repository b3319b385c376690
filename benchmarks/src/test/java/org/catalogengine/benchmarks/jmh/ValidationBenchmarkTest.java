package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.model.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationBenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"Component", "API", "Resource", "System", "Domain", "Group", "User", "Location", "Template"})
  void validate_acceptsTheEntityOfEveryBuiltinKind(String kind) {
    ValidationBenchmark.KindState state = new ValidationBenchmark.KindState();
    state.kind = kind;
    state.setup();

    ValidationResult result = new ValidationBenchmark().validate(state);

    assertThat(result.problems()).isEmpty();
    assertThat(result.valid()).isTrue();
    assertThat(result.normalized()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void builtinRelations_componentOriginatesBothDirectionsOfEveryReference() {
    ValidationBenchmark.ComponentState state = new ValidationBenchmark.ComponentState();
    state.setup();

    List<Relation> relations = new ValidationBenchmark().builtinRelations(state);

    EntityRef self = state.component.ref();
    List<Relation> outgoing = relations.stream().filter(r -> r.source().equals(self)).toList();
    List<Relation> incoming = relations.stream().filter(r -> r.target().equals(self)).toList();
    assertThat(outgoing).extracting(Relation::type)
        .contains(Relation.OWNED_BY, Relation.PART_OF, Relation.PROVIDES_API, Relation.CONSUMES_API,
            Relation.DEPENDS_ON);
    assertThat(incoming).hasSameSizeAs(outgoing);
    assertThat(outgoing).hasSize(Fixtures.componentRelations(state.component).stream()
        .filter(r -> !r.type().equals(Relation.DEPENDENCY_OF)).toList().size());
  }
}
