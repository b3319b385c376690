/** JMH benchmarks, one class per scenario; run them from {@code benchmarks/target/benchmarks.jar}. */
@NullMarked
package org.catalogengine.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
