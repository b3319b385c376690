package org.catalogengine.spi.storage;

import java.util.List;
import org.catalogengine.model.EntityRef;

/**
 * The outcome of writing a parent's emitted children (spec L20, K1, K4).
 *
 * @param written children that were inserted or updated and now have an edge from the parent, sorted
 * @param conflicted children rejected by the locationKey rules; the parent has no edge to them, sorted
 * @since 0.1 (experimental)
 */
public record ChildWriteResult(List<EntityRef> written, List<EntityRef> conflicted) {
  public ChildWriteResult {
    written = List.copyOf(written);
    conflicted = List.copyOf(conflicted);
  }
}
