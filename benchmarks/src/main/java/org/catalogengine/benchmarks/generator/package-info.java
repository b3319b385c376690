/** Deterministic, seeded generator of synthetic Backstage catalogs (and their deltas) for benchmarks and load tests. */
@NullMarked
package org.catalogengine.benchmarks.generator;

import org.jspecify.annotations.NullMarked;
