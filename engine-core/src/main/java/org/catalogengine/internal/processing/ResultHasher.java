package org.catalogengine.internal.processing;

import java.util.List;
import java.util.TreeSet;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.provider.DeferredEntity;
import org.jspecify.annotations.Nullable;

/**
 * The result hash of a processing run (spec L25): SHA-1 over the errors JSON and, when ok, the canonical JSON of
 * the completed entity, the children (with keys), the relations, the refresh keys and the sorted, distinct
 * parent refs of the entity and each child. Written straight into the digest, without building one big tree.
 */
public final class ResultHasher {

  private ResultHasher() {}

  /**
   * Hashes one run's output.
   *
   * @param errors the run's errors (JSON {@code [{"message":..,"name":..}]})
   * @param completed the completed entity when the run was ok, else {@code null} (then only errors count)
   * @param children the deferred children
   * @param relations the relations
   * @param refreshKeys the refresh keys
   * @param parents parent refs of the entity and its children (sorted and de-duplicated here)
   * @return lower-case hex SHA-1
   */
  public static String hash(List<ProcessingError> errors, @Nullable Entity completed, List<DeferredEntity> children,
      List<Relation> relations, List<String> refreshKeys, List<EntityRef> parents) {
    CanonicalJson.Sha1 sha = new CanonicalJson.Sha1();
    sha.update(ProcessingError.toJson(errors));
    if (completed == null) {
      return sha.hex();
    }
    completed.hashInto(sha);

    sha.update("[");
    for (int i = 0; i < children.size(); i++) {
      DeferredEntity child = children.get(i);
      sha.update(i == 0 ? "{\"entity\":" : ",{\"entity\":");
      child.entity().hashInto(sha);
      sha.update(",\"locationKey\":");
      string(sha, child.locationKey());
      sha.update("}");
    }
    sha.update("]");

    sha.update("[");
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      sha.update(i == 0 ? "{\"source\":" : ",{\"source\":");
      string(sha, r.source().toString());
      sha.update(",\"target\":");
      string(sha, r.target().toString());
      sha.update(",\"type\":");
      string(sha, r.type());
      sha.update("}");
    }
    sha.update("]");

    stringArray(sha, refreshKeys);

    TreeSet<String> sortedParents = new TreeSet<>();
    for (EntityRef p : parents) {
      sortedParents.add(p.toString());
    }
    stringArray(sha, List.copyOf(sortedParents));
    return sha.hex();
  }

  private static void stringArray(CanonicalJson.Sha1 sha, List<String> values) {
    sha.update("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sha.update(",");
      }
      string(sha, values.get(i));
    }
    sha.update("]");
  }

  private static void string(CanonicalJson.Sha1 sha, @Nullable String value) {
    if (value == null) {
      sha.update("null");
    } else {
      sha.updateString(value);
    }
  }
}
