/** Read-only operations for diagnostics and tests. */
@NullMarked
package org.catalogengine.jdbc.internal.operations.read;

import org.jspecify.annotations.NullMarked;
