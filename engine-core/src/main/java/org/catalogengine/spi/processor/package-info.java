/** The processor SPI: processors, their results, the processor cache and the descriptor parser. */
@NullMarked
package org.catalogengine.spi.processor;

import org.jspecify.annotations.NullMarked;
