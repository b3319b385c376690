// TEMP: replaced by the planner branch at merge
package org.catalogengine.internal.provider;

import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/** TEMP copy: one bucket row as the planner sees it. */
public record StoredEntry(EntityRef ref, String unprocessedHash, @Nullable String locationKey) {}
