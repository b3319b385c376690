/** Table and column names (per store instance, for the prefix and schema) and the Flyway migrator. */
@NullMarked
package org.catalogengine.jdbc.internal.schema;

import org.jspecify.annotations.NullMarked;
