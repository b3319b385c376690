package org.catalogengine.spi.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DescriptorParserTest {

  private static final DescriptorParser PARSER = DescriptorParser.defaults();

  private static List<ParsedDocument> parse(String text) {
    return PARSER.parse("test.yaml", text.getBytes(UTF_8));
  }

  private static JsonNode single(String text) {
    List<ParsedDocument> docs = parse(text);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0)).isInstanceOf(ParsedDocument.Parsed.class);
    return ((ParsedDocument.Parsed) docs.get(0)).json();
  }

  private static ParsedDocument.Failed failed(ParsedDocument doc) {
    assertThat(doc).isInstanceOf(ParsedDocument.Failed.class);
    return (ParsedDocument.Failed) doc;
  }

  @Test
  void parse_multiDocumentReportsTheFirstContentLineOfEach() {
    List<ParsedDocument> docs = parse("""
        # a leading comment
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: a}
        ---
        # the second one
        apiVersion: backstage.io/v1alpha1  # trailing comment
        kind: Group
        metadata:
          name: b
        """);

    assertThat(docs).hasSize(2).allSatisfy(d -> assertThat(d).isInstanceOf(ParsedDocument.Parsed.class));
    assertThat(docs).extracting(ParsedDocument::line).containsExactly(2, 7);
    assertThat(docs).extracting(ParsedDocument::source).containsOnly("test.yaml");
    JsonNode second = ((ParsedDocument.Parsed) docs.get(1)).json();
    assertThat(second.get("kind").stringValue()).isEqualTo("Group");
    assertThat(second.get("metadata").get("name").stringValue()).isEqualTo("b");
    assertThat(second.get("apiVersion").stringValue()).isEqualTo("backstage.io/v1alpha1");
  }

  @Test
  void parse_emptyDocumentsAreSkipped() {
    List<ParsedDocument> docs = parse("---\n---\nkind: A\n---\n--- ~\n---\nnull\n---\n");

    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(3);
      assertThat(((ParsedDocument.Parsed) d).json().get("kind").stringValue()).isEqualTo("A");
    });
  }

  @Test
  void parse_emptyOrCommentOnlyFileHasNoDocuments() {
    assertThat(parse("")).isEmpty();
    assertThat(parse("# nothing here\n\n# still nothing\n")).isEmpty();
  }

  @Test
  void parse_nonObjectDocumentsFailAndOthersSurvive() {
    List<ParsedDocument> docs = parse("- a\n- b\n---\nhello\n---\n42\n---\nkind: A\n");

    assertThat(docs).hasSize(4);
    assertThat(failed(docs.get(0)).message()).contains("document is a list", "expected an entity object");
    assertThat(docs.get(0).line()).isEqualTo(1);
    assertThat(failed(docs.get(1)).message()).contains("document is a string");
    assertThat(docs.get(1).line()).isEqualTo(4);
    assertThat(failed(docs.get(2)).message()).contains("document is a number");
    assertThat(docs.get(3)).isInstanceOf(ParsedDocument.Parsed.class);
  }

  @Test
  void parse_syntaxErrorKeepsEarlierDocumentsAndNamesTheLine() {
    List<ParsedDocument> docs = parse("""
        kind: A
        ---
        kind: B
        metadata:
          name: b
          title: a: b
        ---
        kind: C
        """);

    assertThat(docs).hasSize(2);
    assertThat(((ParsedDocument.Parsed) docs.get(0)).json().get("kind").stringValue()).isEqualTo("A");
    ParsedDocument.Failed error = failed(docs.get(1));
    assertThat(error.line()).isEqualTo(6);
    assertThat(error.message()).startsWith("YAML syntax error at line 6").contains("mapping values are not allowed");
  }

  @Test
  void parse_unclosedFlowCollectionIsASyntaxError() {
    ParsedDocument.Failed error = failed(parse("kind: A\nspec:\n  tags: [a, b\n").get(0));

    assertThat(error.message()).startsWith("YAML syntax error at line");
    assertThat(error.line()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void parse_duplicateKeyFailsTheDocumentLikeBackstage() {
    List<ParsedDocument> docs = parse("""
        kind: A
        metadata:
          name: one
          name: two
        ---
        kind: B
        """);

    assertThat(docs).hasSize(2);
    ParsedDocument.Failed error = failed(docs.get(0));
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.message()).contains("duplicate key 'metadata.name' at line 4");
    assertThat(((ParsedDocument.Parsed) docs.get(1)).json().get("kind").stringValue()).isEqualTo("B");
  }

  @Test
  void parse_quotedAndPlainSpellingsOfAKeyAreDuplicates() {
    ParsedDocument.Failed error = failed(parse("spec:\n  items:\n    - a: 1\n      'a': 2\n").get(0));

    assertThat(error.message()).contains("duplicate key 'spec.items[0].a'");
  }

  @Test
  void parse_scalarsResolvePerTheYaml12CoreSchema() {
    JsonNode json = single("""
        version: 1.10
        on: yes
        off: No
        date: 2024-01-01
        time: 2001-12-14t21:59:43.10-05:00
        quoted: "123"
        single: 'true'
        int: 42
        negative: -7
        hex: 0x1F
        octal: 0o17
        yaml11octal: 012
        big: 123456789012345678901234
        exp: 1e3
        tilde: ~
        empty:
        bool: True
        infinite: .inf
        tagged: !!str 12
        forced: !!int "12"
        semver: 1.2.3
        """);

    assertThat(json.get("version").isNumber()).isTrue();
    assertThat(json.get("version").doubleValue()).isEqualTo(1.1);
    assertThat(json.get("on").stringValue()).isEqualTo("yes");
    assertThat(json.get("off").stringValue()).isEqualTo("No");
    assertThat(json.get("date").stringValue()).isEqualTo("2024-01-01");
    assertThat(json.get("time").stringValue()).isEqualTo("2001-12-14t21:59:43.10-05:00");
    assertThat(json.get("quoted").stringValue()).isEqualTo("123");
    assertThat(json.get("single").stringValue()).isEqualTo("true");
    assertThat(json.get("int").intValue()).isEqualTo(42);
    assertThat(json.get("negative").intValue()).isEqualTo(-7);
    assertThat(json.get("hex").intValue()).isEqualTo(31);
    assertThat(json.get("octal").intValue()).isEqualTo(15);
    assertThat(json.get("yaml11octal").intValue()).isEqualTo(12);
    assertThat(json.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234"));
    assertThat(json.get("exp").doubleValue()).isEqualTo(1000.0);
    assertThat(json.get("tilde").isNull()).isTrue();
    assertThat(json.get("empty").isNull()).isTrue();
    assertThat(json.get("bool").booleanValue()).isTrue();
    assertThat(json.get("infinite").isNull()).isTrue();
    assertThat(json.get("tagged").stringValue()).isEqualTo("12");
    assertThat(json.get("forced").intValue()).isEqualTo(12);
    assertThat(json.get("semver").stringValue()).isEqualTo("1.2.3");
  }

  @Test
  void parse_explicitTagsApplyOnlyWhenTheTextFits() {
    JsonNode json = single("""
        a: !!int "12"
        b: !!int "true"
        c: !!float 3
        d: !!bool "false"
        e: !!null "anything"
        f: !!timestamp 2024-01-01
        g: !custom 42
        h: ! 42
        """);

    assertThat(json.get("a").intValue()).isEqualTo(12);
    assertThat(json.get("b").stringValue()).isEqualTo("true");
    assertThat(json.get("c").isDouble()).isTrue();
    assertThat(json.get("c").doubleValue()).isEqualTo(3.0);
    assertThat(json.get("d").booleanValue()).isFalse();
    assertThat(json.get("e").isNull()).isTrue();
    assertThat(json.get("f").stringValue()).isEqualTo("2024-01-01");
    assertThat(json.get("g").stringValue()).isEqualTo("42");
    assertThat(json.get("h").stringValue()).isEqualTo("42");
  }

  @Test
  void parse_hugeNumbersStayStringsInYamlAndJson() {
    String digits = "9".repeat(100_000);

    assertThat(single("n: " + digits + "\n").get("n").stringValue()).isEqualTo(digits);
    assertThat(single("{\"n\": " + digits + "}").get("n").stringValue()).isEqualTo(digits);
    assertThat(single("n: " + "9".repeat(1000) + "\n").get("n").isBigInteger()).isTrue();
  }

  @Test
  void parse_nonStringKeysBecomeTheirText() {
    JsonNode json = single("1: one\ntrue: yes\n~: nothing\n");

    assertThat(json.get("1").stringValue()).isEqualTo("one");
    assertThat(json.get("true").stringValue()).isEqualTo("yes");
    assertThat(json.get("").stringValue()).isEqualTo("nothing");
  }

  @Test
  void parse_blockScalarsKeepTheirText() {
    JsonNode json = single("a: |\n  line one\n  line two\nb: >\n  folded\n  text\n");

    assertThat(json.get("a").stringValue()).isEqualTo("line one\nline two\n");
    assertThat(json.get("b").stringValue()).isEqualTo("folded text\n");
  }

  @Test
  void parse_aliasesExpandToIndependentCopies() {
    JsonNode json = single("""
        base: &base
          owner: team-a
          tags: [x, y]
        one: *base
        two: *base
        name: &n shared
        again: *n
        """);

    assertThat(json.get("one")).isEqualTo(json.get("base"));
    assertThat(json.get("again").stringValue()).isEqualTo("shared");
    ((ObjectNode) json.get("one")).put("owner", "changed");
    assertThat(json.get("two").get("owner").stringValue()).isEqualTo("team-a");
    assertThat(json.get("base").get("owner").stringValue()).isEqualTo("team-a");
  }

  @Test
  void parse_mergeKeyIsAnOrdinaryKeyAsInYaml12() {
    JsonNode json = single("base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n");

    assertThat(json.get("use").get("<<").get("x").intValue()).isEqualTo(1);
    assertThat(json.get("use").has("x")).isFalse();
  }

  @Test
  void parse_undefinedAliasFailsTheDocument() {
    List<ParsedDocument> docs = parse("a: *nope\n---\nkind: B\n");

    assertThat(docs).hasSize(2);
    assertThat(failed(docs.get(0)).message()).contains("undefined alias *nope at line 1");
    assertThat(docs.get(1)).isInstanceOf(ParsedDocument.Parsed.class);
  }

  @Test
  void parse_anchorsDoNotLeakAcrossDocuments() {
    List<ParsedDocument> docs = parse("a: &x 1\n---\nb: *x\n");

    assertThat(docs.get(0)).isInstanceOf(ParsedDocument.Parsed.class);
    assertThat(failed(docs.get(1)).message()).contains("undefined alias *x");
  }

  @Test
  void parse_complexKeyFailsTheDocument() {
    ParsedDocument.Failed error = failed(parse("? [a, b]\n: c\n").get(0));

    assertThat(error.message()).contains("used as a key");
  }

  @Test
  void parse_jsonFileWithLines() {
    List<ParsedDocument> docs = PARSER.parse("catalog.json", """

        {
          "apiVersion": "backstage.io/v1alpha1",
          "kind": "Component",
          "metadata": {"name": "petstore", "tags": ["a", "b"]},
          "spec": {"replicas": 3, "ratio": 1.10, "flag": false, "none": null}
        }
        """.getBytes(UTF_8));

    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(2);
      JsonNode json = ((ParsedDocument.Parsed) d).json();
      assertThat(json.get("metadata").get("tags").size()).isEqualTo(2);
      assertThat(json.get("spec").get("replicas").intValue()).isEqualTo(3);
      assertThat(json.get("spec").get("ratio").doubleValue()).isEqualTo(1.1);
      assertThat(json.get("spec").get("none").isNull()).isTrue();
    });
  }

  @Test
  void parse_jsonAndYamlOfTheSameContentAreEqual() {
    String json = "{\"a\": 1, \"b\": [1.5, true, null, \"s\"], \"c\": {\"d\": 12345678901234}}";
    JsonNode viaJson = single(json);
    JsonNode viaYaml = single("a: 1\nb: [1.5, true, null, s]\nc:\n  d: 12345678901234\n");

    assertThat(viaYaml).isEqualTo(viaJson);
  }

  @Test
  void parse_jsonWithDuplicateKeysFailsLikeYaml() {
    ParsedDocument.Failed error = failed(parse("{\"kind\": \"A\", \"kind\": \"B\"}").get(0));

    assertThat(error.message()).contains("duplicate key 'kind'");
  }

  @Test
  void parse_flowStyleYamlThatIsNotJsonStillParses() {
    JsonNode json = single("{kind: Component, metadata: {name: x}} # a comment\n");

    assertThat(json.get("metadata").get("name").stringValue()).isEqualTo("x");
  }

  @Test
  void parse_jsonListIsNotAnEntity() {
    assertThat(failed(parse("[{\"kind\": \"A\"}]").get(0)).message()).contains("document is a list");
  }

  @Test
  void parse_utf8ByteOrderMarkIsIgnored() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "kind: Ä\n".getBytes(UTF_8);
    byte[] content = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, content, 0, 3);
    System.arraycopy(text, 0, content, 3, text.length);

    List<ParsedDocument> docs = PARSER.parse("bom.yaml", content);

    assertThat(((ParsedDocument.Parsed) docs.get(0)).json().get("kind").stringValue()).isEqualTo("Ä");
  }

  @Test
  void parsePath_usesThePathAsSource(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, "kind: A\n---\nkind: B\n");

    List<ParsedDocument> docs = PARSER.parse(file);

    assertThat(docs).hasSize(2).extracting(ParsedDocument::source).containsOnly(file.toString());
    assertThat(docs).extracting(ParsedDocument::line).containsExactly(1, 3);
  }

  @Test
  void parsePath_missingFileIsAFailureNotAnException(@TempDir Path dir) {
    List<ParsedDocument> docs = PARSER.parse(dir.resolve("nope.yaml"));

    assertThat(failed(docs.get(0)).message()).contains("not found");
  }

  @Test
  void builder_rejectsNonPositiveLimits() {
    assertThatThrownBy(() -> DescriptorParser.builder().maxDepth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
    assertThatThrownBy(() -> DescriptorParser.builder().maxDocumentBytes(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDocumentBytes");
    assertThatThrownBy(() -> DescriptorParser.builder().maxNodes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNodes");
    assertThatThrownBy(() -> DescriptorParser.builder().maxAliases(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAliases");
  }

  @Test
  void defaults_haveTheDocumentedLimits() {
    assertThat(PARSER.maxDocumentBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(PARSER.maxDepth()).isEqualTo(64);
    assertThat(PARSER.maxAliases()).isEqualTo(50);
    assertThat(PARSER.maxNodes()).isEqualTo(1_000_000);
  }
}
