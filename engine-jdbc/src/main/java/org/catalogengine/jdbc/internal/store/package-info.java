/** Compositions of operations that the store runs inside one transaction (K-rule writes). */
@NullMarked
package org.catalogengine.jdbc.internal.store;

import org.jspecify.annotations.NullMarked;
