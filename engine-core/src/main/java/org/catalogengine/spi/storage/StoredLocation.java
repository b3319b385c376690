package org.catalogengine.spi.storage;

import org.catalogengine.model.EntityRef;

/**
 * A user-registered location (spec S8, R10).
 *
 * @param id the location's id (UUID string)
 * @param type the location type, e.g. {@code url}
 * @param target the target, e.g. a URL
 * @param entityRef the ref of the generated Location entity (P10)
 * @since 0.1 (experimental)
 */
public record StoredLocation(String id, String type, String target, EntityRef entityRef) {}
