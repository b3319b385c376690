/** Publishes {@link org.catalogengine.CatalogEngine#metrics()} to Micrometer; the only package that uses it. */
@NullMarked
package org.catalogengine.micrometer;

import org.jspecify.annotations.NullMarked;
