/** Operations on provider buckets: load, lookup, insert, update, edges, eager pruning. */
@NullMarked
package org.catalogengine.jdbc.internal.operations.provider;

import org.jspecify.annotations.NullMarked;
