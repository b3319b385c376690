package org.catalogengine.internal.stitching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.catalogengine.error.InputException;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.databind.node.ObjectNode;

class StitchingPropertiesTest {

  private static final long SEED = 20261125L;
  // code points up to U+02FF: upper and lower case Latin, İ (lower-cases to two chars), controls, quotes
  private static final Gen<String> TEXT = strings().betweenCodePoints(0x01, 0x2FF).ofLengthBetween(0, 300);

  @Test
  void stitch_isDeterministicAndIndependentOfKeyAndRelationOrder() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      StitchInput input = RandomEntities.input(seed);

      StitchResult once = Stitcher.stitch(input);
      StitchResult twice = Stitcher.stitch(input);
      StitchResult reordered = Stitcher.stitch(RandomEntities.reordered(input, ~seed));

      assertThat(twice).isEqualTo(once);
      assertThat(reordered).isEqualTo(once);
      if (once instanceof StitchResult.Stitched s) {
        ObjectNode parsed = (ObjectNode) CanonicalJson.MAPPER.readTree(s.finalJson());
        assertThat(s.finalJson()).isEqualTo(CanonicalJson.toJson(parsed));
        if (input.processed().etag().isEmpty()) {
          assertThat(parsed.at("/metadata/etag").stringValue()).isEqualTo(s.hash());
          ((ObjectNode) parsed.get("metadata")).remove("etag");
        }
        assertThat(s.hash()).isEqualTo(CanonicalJson.sha1(parsed));
        assertThat(s.searchRows()).isEqualTo(SearchRows.of(s.entity().toJson()));
      }
    });
  }

  @Test
  void stitch_withItsOwnHashIsUnchanged() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      StitchInput input = RandomEntities.input(seed);
      StitchResult first = Stitcher.stitch(input);
      if (first instanceof StitchResult.Stitched s) {
        assertThat(Stitcher.stitch(input.withPreviousHash(s.hash())))
            .isEqualTo(new StitchResult.Unchanged(s.hash()));
      } else {
        assertThat(first).isInstanceOf(StitchResult.Failed.class);
      }
    });
  }

  @Test
  void searchRows_obeyT10LimitsForAnyKeyAndValueLength() {
    qt().withFixedSeed(SEED).withExamples(500).forAll(TEXT, TEXT).checkAssert((key, value) -> {
      ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
      json.put("apiVersion", "v1").put("kind", "Component");
      ObjectNode metadata = json.putObject("metadata").put("name", "a");
      metadata.putObject("annotations").put(key, value);
      json.putObject("spec").put("value", value).putArray("list").add(value);

      List<SearchRow> rows = SearchRows.of(json);

      assertThat(rows).allSatisfy(row -> {
        assertThat(row.key().length()).isLessThanOrEqualTo(SearchRows.MAX_KEY_LENGTH);
        assertThat(row.key()).isEqualTo(row.key().toLowerCase(Locale.ROOT));
        if (row.value() == null) {
          assertThat(row.originalValue()).isNull();
        } else {
          assertThat(row.value().length()).isLessThanOrEqualTo(SearchRows.MAX_VALUE_LENGTH);
          assertThat(row.value()).isEqualTo(row.value().toLowerCase(Locale.ROOT))
              .isEqualTo(row.originalValue().toLowerCase(Locale.ROOT));
        }
      });
      String annotationKey = ("metadata.annotations." + key).toLowerCase(Locale.ROOT);
      String lowerValue = value.toLowerCase(Locale.ROOT);
      List<SearchRow> annotationRows = rows.stream().filter(r -> r.key().equals(annotationKey)).toList();
      if (annotationKey.length() > SearchRows.MAX_KEY_LENGTH) {
        assertThat(annotationRows).isEmpty();
      } else if (lowerValue.length() > SearchRows.MAX_VALUE_LENGTH) {
        assertThat(annotationRows).containsExactly(new SearchRow(annotationKey, null, null));
      } else {
        assertThat(annotationRows).containsExactly(new SearchRow(annotationKey, lowerValue, value));
      }
      assertThat(rows).isSortedAccordingTo(SearchRow.ORDER);
    });
  }

  @Test
  void searchRowDiff_appliedToPreviousRowsYieldsNextRows() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
      Entity before = RandomEntities.input(a).processed();
      Entity after = RandomEntities.mutate(before, b);
      List<SearchRow> previous;
      List<SearchRow> next;
      try {
        previous = SearchRows.of(before.toJson());
        next = SearchRows.of(after.toJson());
      } catch (InputException t11) {
        return; // keys that differ only in case: no rows to diff
      }

      SearchRowDiff diff = SearchRowDiff.between(previous, next);

      Set<SearchRow> applied = new HashSet<>(previous);
      applied.removeAll(diff.deletes());
      applied.addAll(diff.inserts());
      assertThat(SearchRows.sorted(applied)).isEqualTo(next);
      Set<SearchRow> nextSet = new HashSet<>(next);
      Set<SearchRow> previousSet = new HashSet<>(previous);
      assertThat(diff.deletes()).noneMatch(nextSet::contains);
      assertThat(diff.inserts()).noneMatch(previousSet::contains);
    });
  }
}
