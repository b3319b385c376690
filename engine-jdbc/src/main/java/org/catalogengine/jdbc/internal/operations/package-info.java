/** One small class per database operation, grouped by area; the store composes them (see README.md). */
@NullMarked
package org.catalogengine.jdbc.internal.operations;

import org.jspecify.annotations.NullMarked;
