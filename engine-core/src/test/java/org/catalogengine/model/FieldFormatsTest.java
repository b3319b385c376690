package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge tables for the default field formats E8–E14. Columns: value, expected validity. */
class FieldFormatsTest {

  @ParameterizedTest(name = "apiVersion ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      backstage.io/v1alpha1                 | true
      scaffolder.backstage.io/v1beta3       | true
      v1                                    | true
      my-company.example.com/V2             | true
      backstage.io/v1/extra                 | false
      Backstage.io/v1                       | false
      backstage..io/v1                      | false
      backstage.io/                         | false
      /v1                                   | false
      backstage.io/v1-alpha                 | false
      -backstage.io/v1                      | false
      """)
  void isValidApiVersion_e8Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidApiVersion(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "kind ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      Component   | true
      API         | true
      x           | true
      Kind2       | true
      2Kind       | false
      My-Kind     | false
      My_Kind     | false
      """)
  void isValidKind_e9Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidKind(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "kind of length {0} valid={1}")
  @CsvSource({"1, true", "63, true", "64, false"})
  void isValidKind_e9Length(int length, boolean valid) {
    assertThat(FieldFormats.isValidKind("K".repeat(length))).isEqualTo(valid);
  }

  @ParameterizedTest(name = "name ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      my_service.v2   | true
      a               | true
      A1              | true
      a--b            | true
      a.b_c-d         | true
      -bad            | false
      bad-            | false
      _bad            | false
      bad.            | false
      a b             | false
      a/b             | false
      a:b             | false
      ''              | false
      """)
  void isValidObjectName_e10Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidObjectName(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "name of length {0} valid={1}")
  @CsvSource({"63, true", "64, false"})
  void isValidObjectName_e10Length(int length, boolean valid) {
    assertThat(FieldFormats.isValidObjectName("n".repeat(length))).isEqualTo(valid);
  }

  @ParameterizedTest(name = "namespace ''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', nullValues = "INVALID", textBlock = """
      default     | default
      ops-2       | ops-2
      Payments    | payments
      OPS         | ops
      pay_ments   | INVALID
      -ops        | INVALID
      ops-        | INVALID
      a--b        | INVALID
      a.b         | INVALID
      """)
  void normalizeNamespace_e11TableWithLowerCasing(String value, String expected) {
    assertThat(FieldFormats.normalizeNamespace(value)).isEqualTo(expected);
    assertThat(FieldFormats.isValidNamespace(value)).isEqualTo(value.equals(expected));
  }

  @ParameterizedTest(name = "namespace of length {0} valid={1}")
  @CsvSource({"63, true", "64, false"})
  void isValidNamespace_e11Length(int length, boolean valid) {
    assertThat(FieldFormats.isValidNamespace("n".repeat(length))).isEqualTo(valid);
  }

  @ParameterizedTest(name = "key ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      backstage.io/techdocs-ref     | true
      github.com/project-slug       | true
      simple                        | true
      example.com/Mixed_Case.name   | true
      a/b/c                         | false
      Example.com/name              | false
      example.com/                  | false
      /name                         | false
      example.com/-name             | false
      """)
  void isValidLabelOrAnnotationKey_e12Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidLabelOrAnnotationKey(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "key prefix of length {0} valid={1}")
  @CsvSource({"253, true", "254, false"})
  void isValidLabelOrAnnotationKey_e12PrefixLength(int length, boolean valid) {
    // Labels of 63 characters joined by dots, cut to the wanted length (never ending on a dot).
    StringBuilder prefix = new StringBuilder();
    while (prefix.length() < length) {
      prefix.append(prefix.length() % 64 == 63 ? '.' : 'p');
    }
    assertThat(FieldFormats.isValidLabelOrAnnotationKey(prefix + "/name")).isEqualTo(valid);
  }

  @ParameterizedTest(name = "label value ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''              | true
      production      | true
      v1.2_3          | true
      -x              | false
      has space       | false
      """)
  void isValidLabelValue_e12Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidLabelValue(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "tag ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      java            | true
      c++             | true
      c#              | true
      node-js         | true
      lang:java       | true
      a1-b2-c3        | true
      Java            | false
      node--js        | false
      -java           | false
      java-           | false
      node_js         | false
      node.js         | false
      'two words'     | false
      ''              | false
      """)
  void isValidTag_e13Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidTag(value)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "tag of length {0} valid={1}")
  @CsvSource({"63, true", "64, false"})
  void isValidTag_e13Length(int length, boolean valid) {
    assertThat(FieldFormats.isValidTag("t".repeat(length))).isEqualTo(valid);
  }

  @ParameterizedTest(name = "url ''{0}'' valid={1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://example.com                       | true
      https://example.com/a b?q=1#x             | true
      http://localhost:7007/catalog             | true
      https://user:pw@example.com:8443/x        | true
      http://[::1]:8080/                        | true
      mailto:team@example.com                   | true
      file:///tmp/x                             | true
      not a url                                 | false
      example.com/path                          | false
      //example.com/path                        | false
      https://                                  | false
      https://exa mple.com                      | false
      https://example.com:port/                 | false
      1http://example.com                       | false
      ''                                        | false
      """)
  void isValidAbsoluteUrl_e14Table(String value, boolean valid) {
    assertThat(FieldFormats.isValidAbsoluteUrl(value)).isEqualTo(valid);
  }

  /**
   * The formats are checked character by character; the regexes they were written from (spec §1.3) are the
   * reference. Random strings over the characters that matter, of lengths around each limit, with the length
   * rules of each format added to the regex.
   */
  @org.junit.jupiter.api.Test
  void characterChecks_agreeWithTheReferenceRegexes() {
    java.util.regex.Pattern label = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    java.util.regex.Pattern version = java.util.regex.Pattern.compile("[a-zA-Z0-9]+");
    java.util.regex.Pattern kind = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    java.util.regex.Pattern name = java.util.regex.Pattern.compile("(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    java.util.regex.Pattern tag = java.util.regex.Pattern.compile("[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*");
    java.util.function.BiPredicate<java.util.regex.Pattern, String> upTo63 =
        (p, v) -> v.length() <= 63 && p.matcher(v).matches();
    java.util.function.Predicate<String> subdomain = v -> v.length() <= 253
        && java.util.Arrays.stream(v.split("\\.", -1)).allMatch(l -> upTo63.test(label, l));
    String alphabet = "az09AZ-_.:+#/é ";
    java.util.Random random = new java.util.Random(20261204);
    int checked = 0;
    for (int i = 0; i < 60_000; i++) {
      int length = switch (i % 4) {
        case 0 -> random.nextInt(5);
        case 1 -> random.nextInt(12);
        case 2 -> 60 + random.nextInt(6);
        default -> random.nextInt(80);
      };
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < length; j++) {
        // mostly plain characters, so that many strings are valid
        b.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
            : (char) ('a' + random.nextInt(3)));
      }
      String v = b.toString();
      assertThat(FieldFormats.isValidDnsLabel(v)).as("DNS label '%s'", v).isEqualTo(upTo63.test(label, v));
      assertThat(FieldFormats.isValidKind(v)).as("kind '%s'", v).isEqualTo(upTo63.test(kind, v));
      assertThat(FieldFormats.isValidObjectName(v)).as("object name '%s'", v).isEqualTo(upTo63.test(name, v));
      assertThat(FieldFormats.isValidTag(v)).as("tag '%s'", v).isEqualTo(upTo63.test(tag, v));
      assertThat(FieldFormats.isValidDnsSubdomain(v)).as("subdomain '%s'", v).isEqualTo(subdomain.test(v));
      int slash = v.indexOf('/');
      boolean oneSlash = slash != -1 && v.indexOf('/', slash + 1) == -1;
      boolean apiVersion = slash == -1 ? upTo63.test(version, v)
          : oneSlash && subdomain.test(v.substring(0, slash)) && upTo63.test(version, v.substring(slash + 1));
      assertThat(FieldFormats.isValidApiVersion(v)).as("apiVersion '%s'", v).isEqualTo(apiVersion);
      boolean key = slash == -1 ? upTo63.test(name, v)
          : oneSlash && subdomain.test(v.substring(0, slash)) && upTo63.test(name, v.substring(slash + 1));
      assertThat(FieldFormats.isValidLabelOrAnnotationKey(v)).as("key '%s'", v).isEqualTo(key);
      if (key || apiVersion || upTo63.test(name, v)) {
        checked++;
      }
    }
    // the sample must hold valid values too, not only rejections
    assertThat(checked).isGreaterThan(5_000);
  }
}
