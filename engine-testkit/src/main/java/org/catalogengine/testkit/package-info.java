/** Catalog Engine testkit module. */
@NullMarked
package org.catalogengine.testkit;

import org.jspecify.annotations.NullMarked;
