/** Catalog Engine readers module. */
@NullMarked
package org.catalogengine.readers;

import org.jspecify.annotations.NullMarked;
