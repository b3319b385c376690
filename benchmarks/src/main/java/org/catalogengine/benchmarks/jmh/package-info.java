/**
 * JMH benchmarks, one class per scenario, each documenting its workload and run command.
 *
 * <p>Build the runnable jar (the shade step runs only when tests are skipped, or with {@code -Pbenchmarks-jar}) and
 * run everything with short settings, from the repository root:
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 * Defaults per class are one fork, 3 warmup and 5 measurement iterations of 2 s, average time; add
 * {@code -prof gc} for allocation per operation. Inputs come from {@link Fixtures} and the catalog generator, built in
 * {@code @Setup}; measured methods return their result so JMH consumes it.
 */
@NullMarked
package org.catalogengine.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
