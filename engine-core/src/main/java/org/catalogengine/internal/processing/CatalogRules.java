package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.catalogengine.error.InputException;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.processor.LocationSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Catalog rules (spec §10, C1): which entity kinds may be emitted from which origin locations. A child is
 * allowed when any rule whose location matchers match the origin (no matchers match everything) has an allow
 * entry for the child's kind (case-insensitive) and, when given, its exact {@code spec.type}.
 */
public final class CatalogRules {

  /** One allowed kind, optionally narrowed to a {@code spec.type}. */
  public record Allow(String kind, @Nullable String specType) {
    public Allow {
      Objects.requireNonNull(kind, "kind");
    }

    /** An allow entry for every entity of a kind. */
    public static Allow kind(String kind) {
      return new Allow(kind, null);
    }
  }

  /** Matches an origin location by type and either an exact target or a glob pattern (case-insensitive). */
  public record LocationMatcher(String type, @Nullable String exact, @Nullable String pattern) {
    public LocationMatcher {
      Objects.requireNonNull(type, "type");
      if (exact != null && pattern != null) {
        throw new InputException("Catalog rule location matcher for type '" + type
            + "' sets both 'exact' and 'pattern' (" + exact + ", " + pattern + "); use one");
      }
    }

    /** A matcher for one exact target. */
    public static LocationMatcher exact(String type, String target) {
      return new LocationMatcher(type, target, null);
    }

    /** A matcher for a glob pattern ({@code *}, {@code **}, {@code ?}, {@code [..]}, {@code {a,b}}). */
    public static LocationMatcher pattern(String type, String glob) {
      return new LocationMatcher(type, null, glob);
    }

    boolean matches(LocationSpec location, @Nullable Pattern compiled) {
      if (!type.equals(location.type())) {
        return false;
      }
      if (exact != null && !exact.equals(location.target())) {
        return false;
      }
      return compiled == null || compiled.matcher(location.target()).matches();
    }
  }

  /** One rule: allowed kinds and the origin locations it applies to (empty = all). */
  public record Rule(List<Allow> allow, List<LocationMatcher> locations) {
    public Rule {
      allow = List.copyOf(allow);
      locations = List.copyOf(locations);
    }
  }

  private record CompiledRule(Rule rule, List<@Nullable Pattern> patterns) {}

  private final List<Rule> rules;
  private final List<CompiledRule> compiled;
  private final boolean allowAll;

  private CatalogRules(List<Rule> rules, boolean allowAll) {
    this.allowAll = allowAll;
    this.rules = List.copyOf(rules);
    this.compiled = this.rules.stream()
        .map(r -> new CompiledRule(r, r.locations().stream()
            .map(m -> m.pattern() == null ? null : globToRegex(m.pattern()))
            .toList()))
        .toList();
  }

  /** Rules replacing the defaults wholesale. */
  public static CatalogRules of(List<Rule> rules) {
    return new CatalogRules(rules, false);
  }

  /** Backstage's default: {@code [{allow: [Component, API, Location]}]}. */
  public static CatalogRules defaults() {
    return of(List.of(new Rule(List.of(Allow.kind("Component"), Allow.kind("API"), Allow.kind("Location")),
        List.of())));
  }

  /** Everything is allowed (useful for tests and trusted set-ups). */
  public static CatalogRules allowAll() {
    return new CatalogRules(List.of(), true);
  }

  /** The rules. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether an emitted entity is allowed for the given origin location (C1). */
  public boolean isAllowed(Entity entity, LocationSpec originLocation) {
    return allowAll || isAllowed(entity.kind(), entity.stringAt("/spec/type").orElse(null), originLocation);
  }

  /** As {@link #isAllowed(Entity, LocationSpec)} for raw JSON. */
  public boolean isAllowed(JsonNode entity, LocationSpec originLocation) {
    JsonNode specTypeNode = entity.path("spec").path("type");
    return allowAll || isAllowed(entity.path("kind").asString(""),
        specTypeNode.isString() ? specTypeNode.stringValue() : null, originLocation);
  }

  private boolean isAllowed(String kind, @Nullable String specType, LocationSpec originLocation) {
    for (CompiledRule c : compiled) {
      if (!matchesLocation(c, originLocation)) {
        continue;
      }
      for (Allow a : c.rule().allow()) {
        if (a.kind().equalsIgnoreCase(kind) && (a.specType() == null || a.specType().equals(specType))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesLocation(CompiledRule c, LocationSpec origin) {
    List<LocationMatcher> matchers = c.rule().locations();
    if (matchers.isEmpty()) {
      return true;
    }
    for (int i = 0; i < matchers.size(); i++) {
      if (matchers.get(i).matches(origin, c.patterns().get(i))) {
        return true;
      }
    }
    return false;
  }

  /** minimatch-like glob (nocase, dot files match): {@code *} and {@code ?} stop at '/', {@code **} does not. */
  static Pattern globToRegex(String glob) {
    StringBuilder re = new StringBuilder(glob.length() * 2);
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            // "**/" also matches zero directories
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
              i++;
              re.append("(?:.*/)?");
            } else {
              re.append(".*");
            }
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 1);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = close;
          }
        }
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        default -> {
          if ("\\.^$|+()".indexOf(c) >= 0) {
            re.append('\\');
          }
          re.append(c);
        }
      }
    }
    while (braces-- > 0) {
      re.append(')');
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  @Override
  public String toString() {
    return allowAll ? "CatalogRules[allow all]" : "CatalogRules" + rules;
  }
}
