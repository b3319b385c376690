/**
 * Queries over final entities: the immutable {@link org.catalogengine.query.EntityFilter} model and its
 * query-parameter syntax (spec R2). Storage backends answer filters through
 * {@link org.catalogengine.spi.storage.CatalogStore#queryEntities}.
 */
@NullMarked
package org.catalogengine.query;

import org.jspecify.annotations.NullMarked;
