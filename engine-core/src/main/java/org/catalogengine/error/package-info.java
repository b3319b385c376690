/** The engine's unchecked exception hierarchy, rooted at {@link org.catalogengine.error.CatalogException}. */
@NullMarked
package org.catalogengine.error;

import org.jspecify.annotations.NullMarked;
