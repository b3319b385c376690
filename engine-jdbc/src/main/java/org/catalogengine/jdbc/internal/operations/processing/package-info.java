/** Operations the processing loop uses: child writes, processed results, reprocessing and stitch marks. */
@NullMarked
package org.catalogengine.jdbc.internal.operations.processing;

import org.jspecify.annotations.NullMarked;
