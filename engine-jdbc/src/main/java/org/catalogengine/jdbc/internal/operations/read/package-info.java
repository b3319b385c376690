/** Read-only operations: filtered pages of final entities (R2), and reads for diagnostics and tests. */
@NullMarked
package org.catalogengine.jdbc.internal.operations.read;

import org.jspecify.annotations.NullMarked;
