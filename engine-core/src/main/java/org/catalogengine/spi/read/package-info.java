/** The reader SPI: {@link org.catalogengine.spi.read.UrlReader}, read options and sealed read results. */
@NullMarked
package org.catalogengine.spi.read;

import org.jspecify.annotations.NullMarked;
