/** The only place with database-specific branches: SQLite, PostgreSQL, MariaDB. */
@NullMarked
package org.catalogengine.jdbc.internal.dialect;

import org.jspecify.annotations.NullMarked;
