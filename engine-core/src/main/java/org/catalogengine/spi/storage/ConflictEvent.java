package org.catalogengine.spi.storage;

import java.time.Instant;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * A conflict seen for the first time (spec K4, CS31): published once, after the transaction that recorded it
 * committed, not on every run that hits it again.
 *
 * @param ref the contested entity
 * @param source who was rejected ({@link ConflictRecord#providerSource}, {@link ConflictRecord#entitySource})
 * @param existingLocationKey the key of the stored row
 * @param rejectedLocationKey the key the rejected write carried
 * @param rejectedEntity the body that was not written
 * @param seenAt when it was seen
 * @since 0.1 (experimental)
 */
public record ConflictEvent(
    EntityRef ref,
    String source,
    @Nullable String existingLocationKey,
    @Nullable String rejectedLocationKey,
    Entity rejectedEntity,
    Instant seenAt) {}
