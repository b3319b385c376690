package org.catalogengine.internal.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.catalogengine.error.InputException;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessingResult;
import org.catalogengine.spi.provider.DeferredEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Receives the emit API results of one run and applies L14–L18 (envelope check, self-emission, annotations, keys). */
final class OutputCollector {

  private static final Logger LOG = LoggerFactory.getLogger(OutputCollector.class);

  private final EntityRef self;
  private final LocationSpec location;
  private final LocationSpec originLocation;
  private final List<DeferredEntity> children = new ArrayList<>();
  private final Set<Relation> relations = new LinkedHashSet<>();
  private final List<ProcessingError> errors = new ArrayList<>();
  private final Set<String> refreshKeys = new LinkedHashSet<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean done;

  OutputCollector(EntityRef self, LocationSpec location, LocationSpec originLocation) {
    this.self = self;
    this.location = location;
    this.originLocation = originLocation;
  }

  /** An emitter that names {@code processorName} in warnings and errors. */
  Emitter emitterFor(String processorName) {
    return result -> receive(processorName, result);
  }

  private void receive(String processor, ProcessingResult result) {
    if (result == null) {
      warn("Processor " + processor + " emitted null while processing " + self + "; ignored");
      return;
    }
    if (done) {
      warn("Processor " + processor + " emitted " + result.getClass().getSimpleName() + " after processing of "
          + self + " completed; dropped (L18)");
      return;
    }
    if (result instanceof ProcessingResult.EntityResult r) {
      receiveEntity(processor, r);
    } else if (result instanceof ProcessingResult.LocationResult r) {
      ObjectNode json = LocationAnnotations.generatedLocation(r.location(), location.toString(),
          originLocation.toString());
      children.add(new DeferredEntity(Entity.of(json), location.toString()));
    } else if (result instanceof ProcessingResult.RelationResult r) {
      relations.add(r.relation());
    } else if (result instanceof ProcessingResult.ErrorResult r) {
      errors.add(new ProcessingError(r.kind().errorName(), r.message()));
    } else if (result instanceof ProcessingResult.RefreshResult r) {
      refreshKeys.add(r.key());
    }
  }

  private void receiveEntity(String processor, ProcessingResult.EntityResult r) {
    JsonNode json = r.entity();
    Entity child;
    try {
      child = Entity.of(Entity.checkEnvelope(json));
    } catch (InputException e) {
      errors.add(new ProcessingError("InputError", "Processor " + processor + " emitted an entity at "
          + r.location() + " that failed envelope validation: " + e.getMessage()));
      return;
    }
    if (child.ref().equals(self)) {
      warn("Processor " + processor + " emitted the entity being processed (" + self
          + ") as its own child; ignored (CS40)");
      return;
    }
    JsonNode annotations = json.path("metadata").get("annotations");
    if (annotations != null && !annotations.isObject() && !annotations.isNull()) {
      errors.add(new ProcessingError("InputError", "Processor " + processor + " emitted entity " + child.ref()
          + " whose metadata.annotations is not an object"));
      return;
    }
    ObjectNode md = (ObjectNode) json.get("metadata");
    ObjectNode ann = annotations != null && annotations.isObject()
        ? (ObjectNode) annotations : md.putObject("annotations");
    ann.put(LocationAnnotations.MANAGED_BY_LOCATION, r.location().toString());
    ann.put(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, originLocation.toString());
    children.add(new DeferredEntity(Entity.of(json), r.effectiveLocationKey().orElse(null)));
  }

  private void warn(String message) {
    warnings.add(message);
    LOG.warn(message);
  }

  /** Records an error raised by the pipeline itself. */
  void error(ProcessingError error) {
    errors.add(error);
  }

  /** Emits after this are dropped (L18). */
  void close() {
    done = true;
  }

  List<DeferredEntity> children() {
    return children;
  }

  List<Relation> relations() {
    return List.copyOf(relations);
  }

  List<ProcessingError> errors() {
    return errors;
  }

  List<String> refreshKeys() {
    return List.copyOf(refreshKeys);
  }

  List<String> warnings() {
    return warnings;
  }
}
