package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

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
}
