package org.catalogengine.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.catalogengine.error.InputException;
import org.jspecify.annotations.Nullable;

/**
 * Which final entities a query returns (spec R2): conditions on the flattened {@code (key, value)} pairs of an
 * entity (the search rows of T9, where {@code spec.owner}, {@code metadata.tags.java} and
 * {@code relations.ownedby} are keys), combined with {@code allOf}, {@code anyOf} and {@code not}.
 *
 * <p>Matching is case-insensitive: keys and values are lower-cased ({@link Locale#ROOT}) when a filter is built, so
 * {@code valueIn("Kind", "Component")} equals {@code valueIn("kind", "component")}. An entity matches
 * <ul>
 *   <li>{@link ValueIn} if it has the key with any of the values (a field whose value is {@code null} has the key
 *       but no value);</li>
 *   <li>{@link KeyExists} if it has the key, whatever the value, {@code null} included;</li>
 *   <li>{@link AllOf} if it matches every filter (so {@link #ALL}, with none, matches every entity);</li>
 *   <li>{@link AnyOf} if it matches at least one (with none, no entity);</li>
 *   <li>{@link Not} if it does not match the filter, also when it has no value at all for the filter's key.</li>
 * </ul>
 *
 * <pre>{@code
 * // filter=kind=component,spec.type=service&filter=kind=api  (two query parameters)
 * EntityFilter f = EntityFilter.parse(List.of("kind=component,spec.type=service", "kind=api"));
 * // the same, built in code, minus deprecated entities
 * EntityFilter g = EntityFilter.allOf(
 *     EntityFilter.anyOf(
 *         EntityFilter.allOf(EntityFilter.valueIn("kind", "component"), EntityFilter.valueIn("spec.type", "service")),
 *         EntityFilter.valueIn("kind", "api")),
 *     EntityFilter.not(EntityFilter.valueIn("spec.lifecycle", "deprecated")));
 * List<Entity> page = store.queryEntities(g, null, 100);
 * }</pre>
 *
 * <p>Immutable and thread-safe; records compare by value.
 *
 * @since 0.1 (experimental)
 */
public sealed interface EntityFilter
    permits EntityFilter.ValueIn, EntityFilter.KeyExists, EntityFilter.AllOf, EntityFilter.AnyOf, EntityFilter.Not {

  /** Matches every entity: {@code allOf} of nothing. What {@link #parse} returns for no parameters. */
  EntityFilter ALL = new AllOf(List.of());

  /**
   * The key has one of the values. Values are lower-cased and de-duplicated, first occurrence first.
   *
   * @param key the lower-cased, dotted key, e.g. {@code spec.lifecycle}; not empty
   * @param values the lower-cased values, OR-ed; at least one ({@code ""} matches an empty string)
   */
  record ValueIn(String key, List<String> values) implements EntityFilter {
    /**
     * @throws InputException if the key is empty or there are no values
     * @throws NullPointerException if the key, the list or a value is {@code null}
     */
    public ValueIn {
      key = normalizedKey(key);
      Objects.requireNonNull(values, "values");
      if (values.isEmpty()) {
        throw new InputException("The filter on key '" + key + "' lists no values; use EntityFilter.exists(\"" + key
            + "\") to match any value");
      }
      LinkedHashSet<String> lowered = new LinkedHashSet<>();
      String k = key;
      for (String v : values) {
        lowered.add(lower(Objects.requireNonNull(v, () -> "A value of the filter on key '" + k + "' is null")));
      }
      values = List.copyOf(lowered);
    }
  }

  /**
   * The key is present, with any value or {@code null}.
   *
   * @param key the lower-cased, dotted key; not empty
   */
  record KeyExists(String key) implements EntityFilter {
    /**
     * @throws InputException if the key is empty
     * @throws NullPointerException if the key is {@code null}
     */
    public KeyExists {
      key = normalizedKey(key);
    }
  }

  /** Every filter matches (AND); with none, every entity matches. */
  record AllOf(List<EntityFilter> filters) implements EntityFilter {
    /** @throws NullPointerException if the list or one of its filters is {@code null} */
    public AllOf {
      filters = copy("allOf", filters);
    }
  }

  /** At least one filter matches (OR); with none, no entity matches. */
  record AnyOf(List<EntityFilter> filters) implements EntityFilter {
    /** @throws NullPointerException if the list or one of its filters is {@code null} */
    public AnyOf {
      filters = copy("anyOf", filters);
    }
  }

  /** The filter does not match; an entity without the filter's key matches {@code not(valueIn(key, …))}. */
  record Not(EntityFilter filter) implements EntityFilter {
    /** @throws NullPointerException if the filter is {@code null} */
    public Not {
      Objects.requireNonNull(filter, "filter");
    }
  }

  /**
   * {@code key} has one of {@code values} (case-insensitive).
   *
   * @throws InputException if the key is empty or no value is given
   */
  static EntityFilter valueIn(String key, String... values) {
    return new ValueIn(key, Arrays.asList(Objects.requireNonNull(values, "values")));
  }

  /**
   * {@code key} has one of {@code values} (case-insensitive).
   *
   * @throws InputException if the key is empty or the collection is empty
   */
  static EntityFilter valueIn(String key, Collection<String> values) {
    return new ValueIn(key, new ArrayList<>(Objects.requireNonNull(values, "values")));
  }

  /**
   * {@code key} is present, with any value, {@code null} included.
   *
   * @throws InputException if the key is empty
   */
  static EntityFilter exists(String key) {
    return new KeyExists(key);
  }

  /** All of the filters match; none given matches every entity. */
  static EntityFilter allOf(EntityFilter... filters) {
    return new AllOf(Arrays.asList(Objects.requireNonNull(filters, "filters")));
  }

  /** All of the filters match; an empty list matches every entity. */
  static EntityFilter allOf(List<? extends EntityFilter> filters) {
    return new AllOf(new ArrayList<>(Objects.requireNonNull(filters, "filters")));
  }

  /** At least one of the filters matches; none given matches no entity. */
  static EntityFilter anyOf(EntityFilter... filters) {
    return new AnyOf(Arrays.asList(Objects.requireNonNull(filters, "filters")));
  }

  /** At least one of the filters matches; an empty list matches no entity. */
  static EntityFilter anyOf(List<? extends EntityFilter> filters) {
    return new AnyOf(new ArrayList<>(Objects.requireNonNull(filters, "filters")));
  }

  /** The filter does not match. */
  static EntityFilter not(EntityFilter filter) {
    return new Not(filter);
  }

  /**
   * Parses the {@code filter} query parameters of R2. Each parameter is an AND-group of comma-separated statements;
   * several parameters are OR-ed. A statement is
   * <ul>
   *   <li>{@code key=value}: the key has that value (split at the first {@code =}, so the value may contain
   *       {@code =}; it cannot contain a comma);</li>
   *   <li>{@code key=}: the key has the empty string as its value;</li>
   *   <li>{@code key}: the key exists, with any value or {@code null}.</li>
   * </ul>
   * Keys and values are trimmed (as Backstage does) and lower-cased. Repeating a key within one parameter ORs its
   * values ({@code kind=api,kind=component}); if one of the repeats is a bare {@code key}, the key only has to
   * exist, since "exists or has value v" is "exists".
   *
   * <p>The result is as flat as the input allows: one statement is a {@link ValueIn} or {@link KeyExists}, one
   * parameter with several keys an {@link AllOf}, several parameters an {@link AnyOf}; no parameters give
   * {@link #ALL}.
   *
   * @param filterParams the values of the {@code filter} parameters, in request order
   * @return the filter
   * @throws InputException naming the parameter and statement, if a parameter is null, empty or blank, a statement
   *     between commas is empty (also after a trailing comma), or a statement's key is empty ({@code =a})
   * @throws NullPointerException if {@code filterParams} is null
   */
  static EntityFilter parse(List<String> filterParams) {
    Objects.requireNonNull(filterParams, "filterParams");
    List<EntityFilter> groups = new ArrayList<>(filterParams.size());
    for (int i = 0; i < filterParams.size(); i++) {
      groups.add(parseGroup(i + 1, filterParams.get(i)));
    }
    return groups.size() == 1 ? groups.get(0) : groups.isEmpty() ? ALL : new AnyOf(groups);
  }

  /** One {@code filter} parameter: an AND-group; {@code number} counts from 1, for messages. */
  private static EntityFilter parseGroup(int number, @Nullable String param) {
    if (param == null) {
      throw new InputException("Invalid filter parameter #" + number + ": it is null");
    }
    if (param.isBlank()) {
      throw new InputException("Invalid filter parameter #" + number + " '" + param + "': it is empty (expected"
          + " comma-separated statements of the form a=b, a= or a)");
    }
    // key -> null when the key need only exist, else its values (in order)
    Map<String, @Nullable LinkedHashSet<String>> byKey = new LinkedHashMap<>();
    String[] statements = param.split(",", -1);
    for (int s = 0; s < statements.length; s++) {
      String statement = statements[s].trim();
      if (statement.isEmpty()) {
        throw new InputException("Invalid filter '" + param + "': statement #" + (s + 1) + " of "
            + statements.length + " is empty (expected a=b, a= or a between the commas)");
      }
      int eq = statement.indexOf('=');
      String key = lower((eq < 0 ? statement : statement.substring(0, eq)).trim());
      if (key.isEmpty()) {
        throw new InputException("Invalid filter '" + param + "': '" + statement + "' is not a valid statement, its"
            + " key is empty (expected a=b, a= or a)");
      }
      if (eq < 0) {
        byKey.put(key, null);
      } else if (!byKey.containsKey(key)) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        values.add(statement.substring(eq + 1).trim());
        byKey.put(key, values);
      } else {
        LinkedHashSet<String> values = byKey.get(key);
        if (values != null) {
          values.add(statement.substring(eq + 1).trim());
        }
      }
    }
    List<EntityFilter> filters = new ArrayList<>(byKey.size());
    byKey.forEach((key, values) ->
        filters.add(values == null ? new KeyExists(key) : new ValueIn(key, List.copyOf(values))));
    return filters.size() == 1 ? filters.get(0) : new AllOf(filters);
  }

  private static String normalizedKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new InputException("A filter key must not be empty");
    }
    return lower(key);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static List<EntityFilter> copy(String what, List<? extends EntityFilter> filters) {
    Objects.requireNonNull(filters, what);
    for (int i = 0; i < filters.size(); i++) {
      int index = i;
      Objects.requireNonNull(filters.get(i), () -> what + " filter #" + (index + 1) + " is null");
    }
    return List.copyOf(filters);
  }
}
