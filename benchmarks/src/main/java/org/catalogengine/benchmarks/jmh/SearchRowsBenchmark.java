package org.catalogengine.benchmarks.jmh;

import java.util.List;
import org.catalogengine.internal.stitching.SearchRow;
import org.catalogengine.internal.stitching.SearchRowDiff;
import org.catalogengine.internal.stitching.SearchRows;
import org.catalogengine.internal.stitching.StitchInput;
import org.catalogengine.internal.stitching.StitchResult;
import org.catalogengine.internal.stitching.Stitcher;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search rows of a final entity ({@link SearchRows#of}, spec T9–T11) and the merge diff between a stored row list and
 * a new one ({@link SearchRowDiff#between}, DESIGN decision 5).
 *
 * <p>Workload ({@code shape}): the final entity (stitched in setup, with uid and relations) of a typical generated
 * Component with 8 relations ({@code component}), or of a Group with 10,000 members and 10,000 hasMember relations
 * ({@code group10k}); relations walk the T11 casing check but make no rows (they live in the relations table), so
 * the group's 10,000 relations cost a check each, not a row each. {@link #diffOneChanged} compares the entity's rows with the rows of the same entity whose
 * {@code backstage.io/managed-by-location} annotation has another value: one delete and one insert.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SearchRowsBenchmark
 * java -jar benchmarks/target/benchmarks.jar SearchRowsBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class SearchRowsBenchmark extends JmhDefaults {

  /** The annotation whose value differs between the previous and the next row list. */
  static final String CHANGED_ANNOTATION = "backstage.io/managed-by-location";
  /** Its new value. */
  static final String CHANGED_VALUE = "url:https://example.com/catalog/moved/entities-9999.yaml";

  /** Which entity: {@code component} or {@code group10k}. */
  @Param({Fixtures.COMPONENT, Fixtures.GROUP_10K})
  public String shape = Fixtures.COMPONENT;

  JsonNode finalEntity = CanonicalJson.MAPPER.nullNode();
  List<SearchRow> previous = List.of();
  List<SearchRow> next = List.of();

  /** Stitches the entity, then builds the previous rows and the rows after one annotation change. */
  @Setup
  public void setup() {
    Entity entity = Entity.of(Fixtures.entity(shape));
    StitchResult result = Stitcher.stitch(
        StitchInput.of(Fixtures.ENTITY_ID, entity, Fixtures.relations(shape, entity)));
    if (!(result instanceof StitchResult.Stitched stitched)) {
      throw new IllegalStateException("setup stitch of " + entity.ref() + " did not produce an entity: " + result);
    }
    finalEntity = CanonicalJson.MAPPER.readTree(stitched.finalJson());
    previous = SearchRows.of(finalEntity);
    ObjectNode changed = (ObjectNode) finalEntity.deepCopy();
    changed.withObjectProperty("metadata").withObjectProperty("annotations").put(CHANGED_ANNOTATION, CHANGED_VALUE);
    next = SearchRows.of(changed);
  }

  /** The rows of the final entity. */
  @Benchmark
  public List<SearchRow> rows() {
    return SearchRows.of(finalEntity);
  }

  /** The diff between two row lists that differ in one value. */
  @Benchmark
  public SearchRowDiff diffOneChanged() {
    return SearchRowDiff.between(previous, next);
  }
}
