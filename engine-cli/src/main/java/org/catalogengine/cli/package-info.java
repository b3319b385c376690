/** Catalog Engine cli module. */
@NullMarked
package org.catalogengine.cli;

import org.jspecify.annotations.NullMarked;
