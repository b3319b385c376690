/**
 * The immutable entity model: {@link org.catalogengine.model.Entity}, {@link org.catalogengine.model.EntityRef},
 * {@link org.catalogengine.model.Relation}, canonical JSON and content hashing, and validation.
 */
@NullMarked
package org.catalogengine.model;

import org.jspecify.annotations.NullMarked;
