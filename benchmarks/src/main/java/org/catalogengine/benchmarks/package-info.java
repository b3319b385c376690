/** JMH benchmarks and the end-to-end load driver. */
@NullMarked
package org.catalogengine.benchmarks;

import org.jspecify.annotations.NullMarked;
