/** Operations on registered locations (S8, R10). */
@NullMarked
package org.catalogengine.jdbc.internal.operations.locations;

import org.jspecify.annotations.NullMarked;
