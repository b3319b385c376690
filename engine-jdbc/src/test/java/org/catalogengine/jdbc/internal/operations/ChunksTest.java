package org.catalogengine.jdbc.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.catalogengine.model.EntityRef;
import org.junit.jupiter.api.Test;

/** The batch helpers: chunking and the sort by canonical ref that is every writer's lock order. */
class ChunksTest {

  @Test
  void sortedBy_ordersByTheCanonicalStringNotByTheRefsParts() {
    EntityRef plain = EntityRef.of("component", "default", "a");
    EntityRef dashed = EntityRef.of("component", "default-x", "a");
    // by parts "default" < "default-x"; as strings "component:default-x/a" < "component:default/a" ('-' < '/')
    assertThat(plain.compareTo(dashed)).isNegative();

    assertThat(Chunks.sortedBy(List.of(plain, dashed), EntityRef::toString)).containsExactly(dashed, plain);
  }

  @Test
  void sortedBy_makesEachKeyOnceAndLeavesTheInputAlone() {
    AtomicInteger keys = new AtomicInteger();
    List<String> input = List.of("d", "b", "c", "a", "e", "f", "h", "g");

    List<String> sorted = Chunks.sortedBy(input, s -> {
      keys.incrementAndGet();
      return s;
    });

    assertThat(sorted).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
    assertThat(keys).hasValue(input.size());
    assertThat(input).startsWith("d");
    sorted.remove(0); // a list the caller may trim, as the processing write does
    assertThat(sorted).hasSize(7);
  }

  @Test
  void of_splitsIntoChunksOfTheGivenSize() {
    assertThat(Chunks.of(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
  }
}
