/** End-to-end load drivers: provider mutations against a real database, measured from outside. */
@NullMarked
package org.catalogengine.benchmarks.load;

import org.jspecify.annotations.NullMarked;
