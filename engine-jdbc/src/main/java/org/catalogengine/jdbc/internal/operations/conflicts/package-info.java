/** Operations on durable locationKey conflicts (K7 improved). */
@NullMarked
package org.catalogengine.jdbc.internal.operations.conflicts;

import org.jspecify.annotations.NullMarked;
