/** Operations on refresh keys (S9, P8). */
@NullMarked
package org.catalogengine.jdbc.internal.operations.refresh;

import org.jspecify.annotations.NullMarked;
