package org.catalogengine.internal.processing;

import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessorCache;

/** A hand-written processor whose hooks are set per test. */
final class ScriptedProcessor implements CatalogProcessor {

  /** A pre/post hook: gets the entity, the emitter and the cache, returns the entity to pass on. */
  interface Hook {
    Entity apply(Entity entity, Emitter emit, ProcessorCache cache);
  }

  private final String name;
  private int priority = DEFAULT_PRIORITY;
  private Hook pre = (e, emit, cache) -> e;
  private Hook post = (e, emit, cache) -> e;
  private Predicate<Entity> kinds = e -> false;
  private BiFunction<LocationSpec, Emitter, Boolean> read = (l, emit) -> false;
  Emitter lastEmitter;

  ScriptedProcessor(String name) {
    this.name = name;
  }

  ScriptedProcessor priority(int p) {
    this.priority = p;
    return this;
  }

  ScriptedProcessor pre(Hook hook) {
    this.pre = hook;
    return this;
  }

  ScriptedProcessor post(Hook hook) {
    this.post = hook;
    return this;
  }

  ScriptedProcessor kinds(Predicate<Entity> k) {
    this.kinds = k;
    return this;
  }

  ScriptedProcessor read(BiFunction<LocationSpec, Emitter, Boolean> r) {
    this.read = r;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  @Override
  public Entity preProcessEntity(
      Entity entity, LocationSpec location, Emitter emit, LocationSpec originLocation, ProcessorCache cache) {
    lastEmitter = emit;
    return pre.apply(entity, emit, cache);
  }

  @Override
  public boolean validateEntityKind(Entity entity) {
    return kinds.test(entity);
  }

  @Override
  public boolean readLocation(
      LocationSpec location, boolean optional, Emitter emit, DescriptorParser parser, ProcessorCache cache) {
    return read.apply(location, emit);
  }

  @Override
  public Entity postProcessEntity(Entity entity, LocationSpec location, Emitter emit, ProcessorCache cache) {
    lastEmitter = emit;
    return post.apply(entity, emit, cache);
  }
}
