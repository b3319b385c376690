/**
 * The catalog store on jOOQ: {@link org.catalogengine.jdbc.JdbcCatalogStore} for SQLite, PostgreSQL and
 * MariaDB, with Flyway migrations and HikariCP pooling.
 */
@NullMarked
package org.catalogengine.jdbc;

import org.jspecify.annotations.NullMarked;
