/**
 * The storage SPI: the contract a storage backend implements ({@link org.catalogengine.spi.storage.CatalogStore})
 * and the plain values it exchanges with the engine. engine-jdbc implements it on jOOQ.
 */
@NullMarked
package org.catalogengine.spi.storage;

import org.jspecify.annotations.NullMarked;
