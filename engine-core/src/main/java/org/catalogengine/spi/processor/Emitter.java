package org.catalogengine.spi.processor;

/**
 * Receives what a processor produces while it runs: child entities, generated locations, relations, errors and
 * refresh keys (spec L14–L18).
 *
 * <pre>{@code
 * emit.accept(ProcessingResult.relation(new Relation(self, "ownedBy", owner)));
 * emit.accept(ProcessingResult.refresh("url:" + target));
 * }</pre>
 *
 * <p>An emitter is valid only during the call it was passed to; results emitted after the run completed are
 * dropped with a warning. Not thread-safe: emit from the calling thread.
 *
 * @since 0.1 (experimental)
 */
@FunctionalInterface
public interface Emitter {

  /**
   * Records one result.
   *
   * @param result the result; never null
   */
  void accept(ProcessingResult result);
}
