package org.catalogengine.spi.processor;

import java.util.Objects;
import java.util.Optional;
import org.catalogengine.model.Entity;
import org.catalogengine.model.Relation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One thing a processor emits through an {@link Emitter} (spec L14–L18): a child entity, a generated location,
 * a relation, an error, or a refresh key.
 *
 * <pre>{@code
 * emit.accept(ProcessingResult.entity(location, child));            // key defaults to location (K6)
 * emit.accept(ProcessingResult.entity(location, child, null));      // explicitly no key
 * emit.accept(ProcessingResult.location(LocationSpec.of("url", "https://git/org/repo/blob/main/x.yaml")));
 * emit.accept(ProcessingResult.notFoundError(location, "https://git/... does not exist"));
 * }</pre>
 *
 * <p>Every result is immutable.
 *
 * @since 0.1 (experimental)
 */
public sealed interface ProcessingResult
    permits ProcessingResult.EntityResult,
        ProcessingResult.LocationResult,
        ProcessingResult.RelationResult,
        ProcessingResult.ErrorResult,
        ProcessingResult.RefreshResult {

  /**
   * A child entity read from {@code location}. The JSON is envelope-checked when the engine receives it
   * (a broken envelope becomes an error item), so raw parsed documents may be emitted as they are.
   *
   * @param location where the child was read from; becomes its {@code managed-by-location}
   * @param entity the child's JSON (copied)
   * @param keyGiven whether the processor chose the location key; when false the key defaults to
   *     {@code location} (spec K6)
   * @param locationKey the chosen key when {@code keyGiven}; {@code null} then means "explicitly no key"
   */
  record EntityResult(LocationSpec location, JsonNode entity, boolean keyGiven, @Nullable String locationKey)
      implements ProcessingResult {
    public EntityResult {
      Objects.requireNonNull(location, "location");
      entity = Objects.requireNonNull(entity, "entity").deepCopy();
      if (!keyGiven && locationKey != null) {
        throw new IllegalArgumentException("locationKey given while keyGiven is false");
      }
    }

    /** A copy of the child's JSON. */
    @Override
    public JsonNode entity() {
      return entity.deepCopy();
    }

    /** The key the child will be stored with: the explicit key, or the location's {@code type:target}. */
    public Optional<String> effectiveLocationKey() {
      return keyGiven ? Optional.ofNullable(locationKey) : Optional.of(location.toString());
    }
  }

  /** A location to read later: the engine generates a Location entity for it (spec L15, P10). */
  record LocationResult(LocationSpec location) implements ProcessingResult {
    public LocationResult {
      Objects.requireNonNull(location, "location");
    }
  }

  /** A relation originating from the entity being processed (spec L16). */
  record RelationResult(Relation relation) implements ProcessingResult {
    public RelationResult {
      Objects.requireNonNull(relation, "relation");
    }
  }

  /** The kind of an emitted error; its {@link #errorName()} is what readers see in {@code status.items}. */
  enum ErrorKind {
    /** Bad input: the descriptor or location is wrong. */
    INPUT("InputError"),
    /** A required location or file does not exist. */
    NOT_FOUND("NotFoundError"),
    /** Anything else. */
    GENERAL("Error");

    private final String errorName;

    ErrorKind(String errorName) {
      this.errorName = errorName;
    }

    /** {@code InputError}, {@code NotFoundError} or {@code Error}. */
    public String errorName() {
      return errorName;
    }
  }

  /** An error about {@code location}; any emitted error makes the whole run fail (spec L13). */
  record ErrorResult(LocationSpec location, ErrorKind kind, String message) implements ProcessingResult {
    public ErrorResult {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A refresh key for the entity being processed (spec L18, S9): a later {@code refresh(key)} makes it due. */
  record RefreshResult(String key) implements ProcessingResult {
    public RefreshResult {
      Objects.requireNonNull(key, "key");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("refresh key must not be empty");
      }
    }
  }

  /** A child entity whose location key defaults to {@code location} (spec K6). */
  static ProcessingResult entity(LocationSpec location, Entity entity) {
    return new EntityResult(location, entity.toJson(), false, null);
  }

  /** A child entity with an explicit location key; {@code null} explicitly claims no key. */
  static ProcessingResult entity(LocationSpec location, Entity entity, @Nullable String locationKey) {
    return new EntityResult(location, entity.toJson(), true, locationKey);
  }

  /** A child entity as raw JSON (checked on receipt), location key defaulting to {@code location}. */
  static ProcessingResult entity(LocationSpec location, JsonNode entity) {
    return new EntityResult(location, entity, false, null);
  }

  /** A location to generate a Location entity for. */
  static ProcessingResult location(LocationSpec location) {
    return new LocationResult(location);
  }

  /** A relation. */
  static ProcessingResult relation(Relation relation) {
    return new RelationResult(relation);
  }

  /** An {@code InputError}. */
  static ProcessingResult inputError(LocationSpec location, String message) {
    return new ErrorResult(location, ErrorKind.INPUT, message);
  }

  /** A {@code NotFoundError}. */
  static ProcessingResult notFoundError(LocationSpec location, String message) {
    return new ErrorResult(location, ErrorKind.NOT_FOUND, message);
  }

  /** A generic {@code Error}. */
  static ProcessingResult generalError(LocationSpec location, String message) {
    return new ErrorResult(location, ErrorKind.GENERAL, message);
  }

  /** A refresh key. */
  static ProcessingResult refresh(String key) {
    return new RefreshResult(key);
  }
}
