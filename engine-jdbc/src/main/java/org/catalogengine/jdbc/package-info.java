/** Catalog Engine jdbc module. */
@NullMarked
package org.catalogengine.jdbc;

import org.jspecify.annotations.NullMarked;
