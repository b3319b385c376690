package org.catalogengine.internal.stitching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRowDiffTest {

  private static SearchRow row(String key, String value) {
    return new SearchRow(key, value, value);
  }

  @Test
  void between_identicalListsIsEmpty() {
    List<SearchRow> rows = List.of(row("a", "1"), row("b", "2"));

    assertThat(SearchRowDiff.between(rows, rows).isEmpty()).isTrue();
  }

  @Test
  void between_returnsOnlyChangedRows() {
    List<SearchRow> previous = List.of(row("a", "1"), row("b", "2"), row("c", "3"));
    List<SearchRow> next = List.of(row("a", "1"), row("b", "9"), row("c", "3"), row("d", "4"));

    SearchRowDiff diff = SearchRowDiff.between(previous, next);

    assertThat(diff.deletes()).containsExactly(row("b", "2"));
    assertThat(diff.inserts()).containsExactly(row("b", "9"), row("d", "4"));
  }

  @Test
  void between_changedOriginalValueIsDeletedAndReinserted() {
    SearchRow before = new SearchRow("spec.owner", "team-a", "team-a");
    SearchRow after = new SearchRow("spec.owner", "team-a", "Team-A");

    SearchRowDiff diff = SearchRowDiff.between(List.of(before), List.of(after));

    assertThat(diff.deletes()).containsExactly(before);
    assertThat(diff.inserts()).containsExactly(after);
  }

  @Test
  void between_emptySides() {
    List<SearchRow> rows = List.of(new SearchRow("a", null, null), row("a", "1"));

    assertThat(SearchRowDiff.between(List.of(), rows).inserts()).isEqualTo(rows);
    assertThat(SearchRowDiff.between(rows, List.of()).deletes()).isEqualTo(rows);
  }

  @Test
  void between_unsortedInputIsRejected() {
    List<SearchRow> unsorted = List.of(row("b", "1"), row("a", "1"));

    assertThatThrownBy(() -> SearchRowDiff.between(unsorted, List.of(row("c", "1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("previous");
    assertThatThrownBy(() -> SearchRowDiff.between(List.of(), unsorted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("next");
  }
}
