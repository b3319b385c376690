/** The provider SPI: {@link org.catalogengine.spi.provider.EntityProvider}, its connection and mutations. */
@NullMarked
package org.catalogengine.spi.provider;

import org.jspecify.annotations.NullMarked;
