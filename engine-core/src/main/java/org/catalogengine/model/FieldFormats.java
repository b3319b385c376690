package org.catalogengine.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The default field formats of spec §1.3 (E8–E14), as pure predicates.
 *
 * <p>Each method answers whether one value has the right format; {@link EntityValidator} turns a {@code false}
 * into a {@link ValidationProblem} naming the field, the rule and the value.
 *
 * <pre>{@code
 * FieldFormats.isValidObjectName("my_service.v2");   // true
 * FieldFormats.isValidTag("Java");                     // false: tags are lower case
 * }</pre>
 *
 * <p>Thread-safe; all methods are static and allocation-light.
 *
 * @since 0.1 (maintained)
 */
public final class FieldFormats {

  /** Longest DNS subdomain (prefixes of apiVersion, label and annotation keys). */
  public static final int MAX_SUBDOMAIN_LENGTH = 253;

  /** Longest name-like value: object names, DNS labels, tags, versions. */
  public static final int MAX_NAME_LENGTH = 63;

  // The formats below are checked character by character, without a regex matcher per value: every entity's
  // annotation keys, labels, tags and names go through them on each processing run. As regexes (the reference
  // that FieldFormatsTest compares them with):
  //   DNS label    [a-z0-9]+(?:-[a-z0-9]+)*
  //   version      [a-zA-Z0-9]+
  //   kind         [a-zA-Z][a-zA-Z0-9]*
  //   object name  (?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
  //   tag          [a-z0-9:+#]+(?:-[a-z0-9:+#]+)*      (':' is allowed by the newest Backstage docs, E13)
  private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

  private FieldFormats() {}

  /** E8: {@code version} or {@code prefix/version}; prefix a DNS subdomain, version 1–63 alphanumerics. */
  public static boolean isValidApiVersion(String value) {
    int slash = value.indexOf('/');
    if (slash == -1) {
      return isVersion(value, 0, value.length());
    }
    if (value.indexOf('/', slash + 1) != -1) {
      return false;
    }
    return isDnsSubdomain(value, 0, slash) && isVersion(value, slash + 1, value.length());
  }

  /** E9: 1–63 characters, a letter followed by letters and digits. */
  public static boolean isValidKind(String value) {
    if (!lengthOk(value, MAX_NAME_LENGTH) || !isLetter(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < value.length(); i++) {
      if (!isAlphanumeric(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * E10: 1–63 characters, alphanumeric at both ends, {@code -}, {@code _} and {@code .} allowed in between.
   * Applies to {@code metadata.name}, label values, label/annotation key names and link icons.
   */
  public static boolean isValidObjectName(String value) {
    return isObjectName(value, 0, value.length());
  }

  /** E11 as written: a lower-case DNS label of 1–63 characters. */
  public static boolean isValidNamespace(String value) {
    return isValidDnsLabel(value);
  }

  /**
   * E11 with the engine's improvement: the namespace that would be stored for {@code value}, which is the
   * lower-cased value when that is a valid DNS label.
   *
   * @return the lower-cased namespace, or {@code null} when it is invalid even lower-cased
   */
  public static @org.jspecify.annotations.Nullable String normalizeNamespace(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return isValidDnsLabel(lower) ? lower : null;
  }

  /** E12: {@code name} or {@code prefix/name}; prefix a DNS subdomain (≤253), name per E10. */
  public static boolean isValidLabelOrAnnotationKey(String value) {
    int slash = value.indexOf('/');
    if (slash == -1) {
      return isValidObjectName(value);
    }
    if (value.indexOf('/', slash + 1) != -1) {
      return false;
    }
    return isDnsSubdomain(value, 0, slash) && isObjectName(value, slash + 1, value.length());
  }

  /** E12: label values are the empty string or an object name (E10). */
  public static boolean isValidLabelValue(String value) {
    return value.isEmpty() || isValidObjectName(value);
  }

  /** E13: 1–63 characters, lower-case runs of {@code [a-z0-9:+#]} separated by single {@code -}. */
  public static boolean isValidTag(String value) {
    return lengthOk(value, MAX_NAME_LENGTH) && isDashedRuns(value, 0, value.length(), true);
  }

  /**
   * E14: the value parses as an absolute URL, the way a browser's URL parser would accept it: a scheme, and for
   * the hierarchical web schemes ({@code http}, {@code https}, {@code ftp}, {@code ws}, {@code wss}) a
   * non-empty host. {@code file:} and opaque URLs such as {@code mailto:team@example.com} are accepted.
   */
  public static boolean isValidAbsoluteUrl(String value) {
    String v = value.strip();
    int colon = v.indexOf(':');
    if (colon <= 0 || !URL_SCHEME.matcher(v.substring(0, colon)).matches()) {
      return false;
    }
    String scheme = v.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp") || scheme.equals("ws")
        || scheme.equals("wss"))) {
      return true;
    }
    int start = colon + 1;
    while (start < v.length() && (v.charAt(start) == '/' || v.charAt(start) == '\\')) {
      start++;
    }
    int end = start;
    while (end < v.length() && "/?#\\".indexOf(v.charAt(end)) == -1) {
      end++;
    }
    String authority = v.substring(start, end);
    int at = authority.lastIndexOf('@');
    String hostPort = at == -1 ? authority : authority.substring(at + 1);
    String host = hostPort;
    // The port colon is the last one, outside an IPv6 literal's brackets.
    int portColon = hostPort.lastIndexOf(':');
    if (portColon != -1 && portColon > hostPort.lastIndexOf(']')) {
      String port = hostPort.substring(portColon + 1);
      if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      host = hostPort.substring(0, portColon);
    }
    if (host.isEmpty()) {
      return false;
    }
    if (host.startsWith("[")) {
      // An IPv6 literal: brackets around hex digits, colons and dots.
      return host.length() > 2 && host.endsWith("]")
          && host.substring(1, host.length() - 1).chars().allMatch(c -> c == ':' || c == '.'
              || Character.digit(c, 16) != -1);
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      // Code points a browser refuses in a host (WHATWG "forbidden host code points").
      if (c <= ' ' || "#/:<>?@[\\]^|".indexOf(c) != -1) {
        return false;
      }
    }
    return true;
  }

  /** A DNS subdomain: ≤253 characters of dot-separated DNS labels. */
  public static boolean isValidDnsSubdomain(String value) {
    return isDnsSubdomain(value, 0, value.length());
  }

  /** A DNS label: 1–63 characters, lower-case alphanumeric runs separated by single {@code -}. */
  public static boolean isValidDnsLabel(String value) {
    return isDnsLabel(value, 0, value.length());
  }

  private static boolean isDnsSubdomain(String value, int from, int to) {
    if (to - from < 1 || to - from > MAX_SUBDOMAIN_LENGTH) {
      return false;
    }
    int start = from;
    while (true) {
      int dot = value.indexOf('.', start);
      int end = dot == -1 || dot > to ? to : dot;
      if (!isDnsLabel(value, start, end)) {
        return false;
      }
      if (end == to) {
        return true;
      }
      start = end + 1;
    }
  }

  private static boolean isDnsLabel(String value, int from, int to) {
    return to - from >= 1 && to - from <= MAX_NAME_LENGTH && isDashedRuns(value, from, to, false);
  }

  /**
   * Runs of lower-case letters and digits (and, for tags, {@code :+#}) separated by single {@code -}: no dash
   * first, last or twice in a row. The range is not empty.
   */
  private static boolean isDashedRuns(String value, int from, int to, boolean tag) {
    boolean afterDash = true;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c == '-') {
        if (afterDash) {
          return false;
        }
        afterDash = true;
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || tag && (c == ':' || c == '+' || c == '#')) {
        afterDash = false;
      } else {
        return false;
      }
    }
    return !afterDash;
  }

  private static boolean isVersion(String value, int from, int to) {
    if (to - from < 1 || to - from > MAX_NAME_LENGTH) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isAlphanumeric(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** E10 over a range: alphanumeric at both ends, {@code -_.} allowed in between, 1–63 characters. */
  private static boolean isObjectName(String value, int from, int to) {
    if (to - from < 1 || to - from > MAX_NAME_LENGTH
        || !isAlphanumeric(value.charAt(from)) || !isAlphanumeric(value.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = value.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isAlphanumeric(char c) {
    return isLetter(c) || c >= '0' && c <= '9';
  }

  private static boolean lengthOk(String value, int max) {
    return !value.isEmpty() && value.length() <= max;
  }
}
