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

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern VERSION = Pattern.compile("[a-zA-Z0-9]+");
  private static final Pattern KIND = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
  private static final Pattern OBJECT_NAME = Pattern.compile("(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  // ':' is allowed by the newest Backstage docs (E13).
  private static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*");
  private static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

  private FieldFormats() {}

  /** E8: {@code version} or {@code prefix/version}; prefix a DNS subdomain, version 1–63 alphanumerics. */
  public static boolean isValidApiVersion(String value) {
    int slash = value.indexOf('/');
    if (slash == -1) {
      return isValidVersion(value);
    }
    if (value.indexOf('/', slash + 1) != -1) {
      return false;
    }
    return isValidDnsSubdomain(value.substring(0, slash)) && isValidVersion(value.substring(slash + 1));
  }

  /** E9: 1–63 characters, a letter followed by letters and digits. */
  public static boolean isValidKind(String value) {
    return lengthOk(value, MAX_NAME_LENGTH) && KIND.matcher(value).matches();
  }

  /**
   * E10: 1–63 characters, alphanumeric at both ends, {@code -}, {@code _} and {@code .} allowed in between.
   * Applies to {@code metadata.name}, label values, label/annotation key names and link icons.
   */
  public static boolean isValidObjectName(String value) {
    return lengthOk(value, MAX_NAME_LENGTH) && OBJECT_NAME.matcher(value).matches();
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
    return isValidDnsSubdomain(value.substring(0, slash)) && isValidObjectName(value.substring(slash + 1));
  }

  /** E12: label values are the empty string or an object name (E10). */
  public static boolean isValidLabelValue(String value) {
    return value.isEmpty() || isValidObjectName(value);
  }

  /** E13: 1–63 characters, lower-case runs of {@code [a-z0-9:+#]} separated by single {@code -}. */
  public static boolean isValidTag(String value) {
    return lengthOk(value, MAX_NAME_LENGTH) && TAG.matcher(value).matches();
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
    if (!lengthOk(value, MAX_SUBDOMAIN_LENGTH)) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = value.indexOf('.', start);
      String label = dot == -1 ? value.substring(start) : value.substring(start, dot);
      if (!isValidDnsLabel(label)) {
        return false;
      }
      if (dot == -1) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** A DNS label: 1–63 characters, lower-case alphanumeric runs separated by single {@code -}. */
  public static boolean isValidDnsLabel(String value) {
    return lengthOk(value, MAX_NAME_LENGTH) && DNS_LABEL.matcher(value).matches();
  }

  private static boolean isValidVersion(String value) {
    return lengthOk(value, MAX_NAME_LENGTH) && VERSION.matcher(value).matches();
  }

  private static boolean lengthOk(String value, int max) {
    return !value.isEmpty() && value.length() <= max;
  }
}
