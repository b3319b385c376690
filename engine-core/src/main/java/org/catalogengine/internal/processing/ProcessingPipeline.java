package org.catalogengine.internal.processing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.catalogengine.error.CatalogException;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.InputException;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.EntityValidator;
import org.catalogengine.model.ValidationProblem;
import org.catalogengine.model.ValidationResult;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessingResult;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.read.UrlReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-entity processing pipeline (spec L5–L13, L25, L27–L28): a pure in-memory function from an unprocessed
 * entity, its stored processor cache and a parent lookup to everything the processing loop must write. I/O
 * happens only inside processors (readers); nothing here touches storage. Thread-safe: one instance serves all
 * workers, all per-run state lives in {@link #run}.
 */
public final class ProcessingPipeline {

  private final List<CatalogProcessor> processors;
  private final DescriptorParser parser;
  private final CatalogRules rules;
  private final EntityValidator validator;

  private ProcessingPipeline(Builder b) {
    this.parser = b.parser;
    this.rules = b.rules;
    this.validator = b.validator;
    ReaderRegistry readers = new ReaderRegistry(b.readers);
    List<CatalogProcessor> all = new ArrayList<>();
    if (b.builtins) {
      all.add(new PlaceholderProcessor(readers, b.parser));
      all.add(new BuiltinKindsProcessor());
      all.add(new UrlReaderProcessor(readers));
      all.add(new AnnotateLocationProcessor(b.githubHosts));
    }
    all.addAll(b.processors);
    Set<String> names = new HashSet<>();
    for (CatalogProcessor p : all) {
      if (!names.add(p.name())) {
        throw new InputException("Processor name '" + p.name() + "' is registered twice; names key the "
            + "processor cache and must be unique");
      }
    }
    // List.sort is stable: equal priorities keep registration order
    all.sort(Comparator.comparingInt(CatalogProcessor::priority));
    this.processors = List.copyOf(all);
  }

  /** A builder with Backstage's defaults: built-in processors, default rules, default parser and validator. */
  public static Builder builder() {
    return new Builder();
  }

  /** The processors in the order they run. */
  public List<CatalogProcessor> processors() {
    return processors;
  }

  /** A pipeline-level failure that aborts the run with one error. */
  private static final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ProcessingError error;

    StepFailure(String name, String message) {
      super(message, null, false, false);
      this.error = new ProcessingError(name, message);
    }
  }

  /** Runs the pipeline for one entity. Never throws for bad input or failing processors. */
  public PipelineOutput run(PipelineInput input) {
    Map<String, CacheView> caches = new HashMap<>();
    OutputCollector collector = null;
    List<ProcessingError> failures = new ArrayList<>(1);
    Entity completed = null;
    try {
      Entity entity = envelope(input.unprocessed());
      EntityRef ref = entity.ref();
      LocationSpec location = locationAnnotation(entity, LocationAnnotations.MANAGED_BY_LOCATION);
      LocationSpec origin = locationAnnotation(entity, LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION);
      collector = new OutputCollector(ref, location, origin);

      // L7
      for (CatalogProcessor p : processors) {
        try {
          entity = requireResult(p, p.preProcessEntity(entity, location, collector.emitterFor(p.name()), origin,
              cache(caches, input.cache(), p)), "preprocessing");
        } catch (StepFailure f) {
          throw f;
        } catch (RuntimeException e) {
          throw threw(p, "preprocessing", ref, e);
        }
      }

      // L8: the validator's stages are the default policies (envelope schema, default namespace, no foreign
      // root fields, field formats)
      entity = policies(entity, ref);

      // L9a
      if (!entity.ref().equals(ref)) {
        throw new StepFailure("ConflictError", "Entity " + ref + ": kind, namespace, or name changed during "
            + "processing (now " + entity.ref() + ")");
      }
      // L9c
      boolean recognised = false;
      for (CatalogProcessor p : processors) {
        try {
          recognised |= p.validateEntityKind(entity);
        } catch (RuntimeException e) {
          throw threw(p, "validating", ref, e);
        }
      }
      if (!recognised) {
        throw new StepFailure("InputError", "No processor recognized the entity " + ref + " as valid");
      }

      // L10
      if ("Location".equalsIgnoreCase(entity.kind())) {
        locationStep(entity, location, collector, caches, input.cache());
      }

      // L11
      for (CatalogProcessor p : processors) {
        try {
          entity = requireResult(p, p.postProcessEntity(entity, location, collector.emitterFor(p.name()),
              cache(caches, input.cache(), p)), "postprocessing");
        } catch (StepFailure f) {
          throw f;
        } catch (RuntimeException e) {
          throw threw(p, "postprocessing", ref, e);
        }
      }
      collector.close();

      // L12
      for (DeferredEntity child : collector.children()) {
        if (!rules.isAllowed(child.entity(), origin)) {
          throw new StepFailure("NotAllowedError", "Entity " + child.entity().ref() + " at " + location
              + ", originated at " + origin + ", is not of an allowed kind for that location");
        }
      }
      completed = entity;
    } catch (StepFailure f) {
      failures.add(f.error);
    } catch (CatalogException e) {
      failures.add(new ProcessingError(errorName(e), message(e)));
    } catch (RuntimeException e) {
      // a bug in the pipeline itself must not stop the loop either
      failures.add(new ProcessingError("Error", "Unexpected failure while processing: " + e));
    }
    if (collector != null) {
      collector.close();
    }

    List<ProcessingError> errors = new ArrayList<>();
    if (collector != null) {
      errors.addAll(collector.errors());
    }
    errors.addAll(failures);
    boolean ok = completed != null && errors.isEmpty();
    List<String> warnings = collector == null ? List.of() : collector.warnings();

    if (!ok) {
      ProcessorCacheState cache = input.cache().afterFailure();
      return new PipelineOutput(false, null, List.of(), List.of(), errors, List.of(), cache,
          !cache.equals(input.cache()), ResultHasher.hash(errors, null, List.of(), List.of(), List.of(), List.of()),
          warnings);
    }

    ProcessorCacheState cache = collectCache(caches, input.cache());
    List<DeferredEntity> children = collector.children();
    List<EntityRef> lookup = new ArrayList<>(children.size() + 1);
    lookup.add(completed.ref());
    for (DeferredEntity c : children) {
      lookup.add(c.entity().ref());
    }
    List<EntityRef> parents = input.parents().parentsOf(lookup);
    List<String> refreshKeys = collector.refreshKeys();
    var relations = collector.relations();
    String hash = ResultHasher.hash(errors, completed, children, relations, refreshKeys, parents);
    return new PipelineOutput(true, completed, children, relations, errors, refreshKeys, cache,
        !cache.equals(input.cache()), hash, warnings);
  }

  private Entity policies(Entity entity, EntityRef ref) {
    ValidationResult result;
    try {
      result = validator.validate(entity.toJson());
    } catch (RuntimeException e) {
      throw new StepFailure("InputError", "Policy check failed for " + ref + ": " + message(e));
    }
    if (!result.valid() || result.normalized().isEmpty()) {
      throw new StepFailure("InputError", "Policy check failed for " + ref + ": " + result.problems().stream()
          .map(ProcessingPipeline::describe).collect(Collectors.joining("; ")));
    }
    return result.normalized().get();
  }

  private static String describe(ValidationProblem p) {
    return (p.field().isEmpty() ? "" : p.field() + ": ") + p.message() + " (" + p.rule() + ")";
  }

  /** L10: read every target of a Location entity through the first processor that handles its type. */
  private void locationStep(Entity entity, LocationSpec location, OutputCollector collector,
      Map<String, CacheView> caches, ProcessorCacheState stored) {
    JsonNode spec = entity.at("/spec").orElseGet(tools.jackson.databind.node.MissingNode::getInstance);
    List<String> targets = new ArrayList<>();
    if (spec.path("target").isString()) {
      targets.add(spec.get("target").stringValue());
    }
    for (JsonNode t : spec.path("targets")) {
      if (t.isString()) {
        targets.add(t.stringValue());
      }
    }
    String type = spec.path("type").isString() && !spec.get("type").stringValue().isEmpty()
        ? spec.get("type").stringValue() : location.type();
    LocationSpec.Presence presence = spec.path("presence").isString()
        ? LocationSpec.Presence.parse(spec.get("presence").stringValue()) : LocationSpec.Presence.REQUIRED;
    for (String raw : targets) {
      if ("file".equals(type) && (raw.endsWith("/") || raw.endsWith(java.io.File.separator))) {
        collector.emitterFor("location").accept(ProcessingResult.inputError(location,
            "Location " + entity.ref() + " has a file target '" + raw + "' that ends with a path separator; "
                + "a file location must name a file or a glob (CS53)"));
        continue;
      }
      String target = resolveTarget(location, type, raw);
      LocationSpec spec1 = new LocationSpec(type, target, presence);
      boolean handled = false;
      for (CatalogProcessor p : processors) {
        try {
          if (p.readLocation(spec1, spec1.optional(), collector.emitterFor(p.name()), parser,
              cache(caches, stored, p).forTarget(target))) {
            handled = true;
            break;
          }
        } catch (RuntimeException e) {
          throw new StepFailure(errorName(e), "Processor " + p.name() + " threw an error while reading "
              + spec1 + ": " + message(e));
        }
      }
      if (!handled) {
        throw new StepFailure("InputError", "No processor was able to handle reading of " + spec1);
      }
    }
  }

  /** L10 relative resolution, only when the target's type equals the Location's own location type. */
  static String resolveTarget(LocationSpec base, String type, String target) {
    if (!base.type().equals(type)) {
      return target;
    }
    try {
      if ("file".equals(type)) {
        if (target.startsWith(".")) {
          Path dir = Path.of(base.target()).getParent();
          return (dir == null ? Path.of(target) : dir.resolve(target)).normalize().toString();
        }
        return target;
      }
      if ("url".equals(type)) {
        return java.net.URI.create(base.target()).resolve(target).toString();
      }
    } catch (RuntimeException e) {
      // unresolvable: left as is, the reader reports it
    }
    return target;
  }

  private static CacheView cache(Map<String, CacheView> caches, ProcessorCacheState stored, CatalogProcessor p) {
    return caches.computeIfAbsent(p.name(), n -> new CacheView(stored.processorMap(n)));
  }

  private static ProcessorCacheState collectCache(Map<String, CacheView> caches, ProcessorCacheState stored) {
    ObjectNode next = stored.processors();
    for (Map.Entry<String, CacheView> e : caches.entrySet()) {
      ObjectNode map = e.getValue().collect();
      if (map != null) {
        next.set(e.getKey(), map);
      }
    }
    return ProcessorCacheState.of(next, ProcessorCacheState.FRESH_TTL);
  }

  private static Entity requireResult(CatalogProcessor p, @Nullable Entity result, String step) {
    if (result == null) {
      throw new StepFailure("InputError", "Processor " + p.name() + " returned no entity while " + step);
    }
    return result;
  }

  private static StepFailure threw(CatalogProcessor p, String step, EntityRef ref, RuntimeException e) {
    return new StepFailure(errorName(e), "Processor " + p.name() + " threw an error while " + step + ": "
        + message(e) + " (entity " + ref + ")");
  }

  private static String errorName(RuntimeException e) {
    if (e instanceof NotFoundException) {
      return "NotFoundError";
    }
    if (e instanceof ConflictException) {
      return "ConflictError";
    }
    if (e instanceof InputException) {
      return "InputError";
    }
    return "Error";
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static Entity envelope(JsonNode json) {
    try {
      return Entity.of(json);
    } catch (InputException e) {
      throw new StepFailure("InputError", "Entity envelope failed validation before processing: " + e.getMessage());
    }
  }

  private static LocationSpec locationAnnotation(Entity entity, String annotation) {
    String value = entity.annotation(annotation).orElseThrow(() -> new StepFailure("InputError",
        "Entity " + entity.ref() + " does not have the annotation " + annotation));
    try {
      return LocationSpec.parse(value);
    } catch (InputException e) {
      throw new StepFailure("InputError", "Entity " + entity.ref() + " has an invalid " + annotation
          + " annotation: " + e.getMessage());
    }
  }

  /** Builds a {@link ProcessingPipeline}; each option is set once. */
  public static final class Builder {
    private final List<CatalogProcessor> processors = new ArrayList<>();
    private final List<UrlReader> readers = new ArrayList<>();
    private DescriptorParser parser = DescriptorParser.defaults();
    private CatalogRules rules = CatalogRules.defaults();
    // kinds are recognised by the processors (L9c), so the policy stage must not reject unknown kinds itself
    private EntityValidator validator = EntityValidator.builder().kindRecognizer(e -> true).build();
    private Set<String> githubHosts = Set.of("github.com");
    private boolean builtins = true;

    private Builder() {}

    /** User processors, run after the built-ins (reordered by priority). */
    public Builder processors(List<? extends CatalogProcessor> list) {
      list.forEach(p -> processors.add(Objects.requireNonNull(p, "processor")));
      return this;
    }

    /** Readers for the location step and placeholders, tried in order. */
    public Builder readers(List<? extends UrlReader> list) {
      list.forEach(r -> readers.add(Objects.requireNonNull(r, "reader")));
      return this;
    }

    /** The descriptor parser handed to {@code readLocation}. */
    public Builder parser(DescriptorParser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /** Catalog rules (C1); defaults to {@link CatalogRules#defaults()}. */
    public Builder rules(CatalogRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * The entity validator whose stages are the policy and schema steps (L8, L9b). Kind recognition is the
     * pipeline's own step (L9c, through the processors), so the validator should accept every kind, as the
     * default does ({@code EntityValidator.builder().kindRecognizer(e -> true)}).
     */
    public Builder validator(EntityValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** Hosts served by GitHub (for {@code edit-url}, B5); default {@code github.com}. */
    public Builder githubHosts(Set<String> hosts) {
      this.githubHosts = Set.copyOf(hosts);
      return this;
    }

    /** Leaves out the built-in processors (only for tests of the pipeline mechanics). */
    public Builder withoutBuiltins() {
      this.builtins = false;
      return this;
    }

    public ProcessingPipeline build() {
      return new ProcessingPipeline(this);
    }
  }
}
