package org.catalogengine.spi.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input: every limit fails with a message naming it, and documents before it are kept. */
class DescriptorParserLimitsTest {

  private static final String LOL = """
      a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
      g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
      h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
      i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
      """;

  private static List<ParsedDocument> parse(DescriptorParser parser, String text) {
    return parser.parse("hostile.yaml", text.getBytes(UTF_8));
  }

  private static ParsedDocument.Failed last(List<ParsedDocument> docs) {
    ParsedDocument doc = docs.get(docs.size() - 1);
    assertThat(doc).isInstanceOf(ParsedDocument.Failed.class);
    return (ParsedDocument.Failed) doc;
  }

  @Test
  void billionLaughs_failsOnTheNodeBudgetBeforeCopyingAndKeepsEarlierDocuments() {
    List<ParsedDocument> docs = parse(DescriptorParser.defaults(), "kind: Fine\n---\n" + LOL);

    assertThat(docs).hasSize(2);
    assertThat(docs.get(0)).isInstanceOf(ParsedDocument.Parsed.class);
    ParsedDocument.Failed error = last(docs);
    assertThat(error.message())
        .contains("aliases expand the file to more than 1000000 values (maxNodes) at alias *f on line 9")
        .endsWith("the rest of the file was not read");
    assertThat(error.line()).isEqualTo(9); // g: the first level that would pass one million
  }

  @Test
  void billionLaughs_withAnUnlimitedNodeBudgetFailsOnTheAliasLimit() {
    DescriptorParser parser = DescriptorParser.builder().maxNodes(Integer.MAX_VALUE).build();

    ParsedDocument.Failed error = last(parse(parser, LOL));

    assertThat(error.message()).contains("more than 50 aliases to collections (maxAliases) at line 7");
  }

  @Test
  void nodeBudget_countsAcrossTheWholeFile() {
    DescriptorParser parser = DescriptorParser.builder().maxNodes(10).build();

    ParsedDocument.Failed error = last(parse(parser, "a: [1, 2, 3]\n---\nb: [4, 5, 6]\n---\nc: [7, 8, 9]\n"));

    assertThat(error.message()).contains("more than 10 values (maxNodes)");
  }

  @Test
  void scalarAliasesDoNotCountAsCollectionAliases() {
    StringBuilder yaml = new StringBuilder("v: &v text\nlist:\n");
    for (int i = 0; i < 200; i++) {
      yaml.append("  - *v\n");
    }

    List<ParsedDocument> docs = parse(DescriptorParser.defaults(), yaml.toString());

    assertThat(docs).singleElement().isInstanceOf(ParsedDocument.Parsed.class);
  }

  @Test
  void manyCollectionAliases_failOnTheConfiguredLimit() {
    StringBuilder yaml = new StringBuilder("v: &v {x: 1}\nlist:\n");
    for (int i = 0; i < 6; i++) {
      yaml.append("  - *v\n");
    }
    DescriptorParser parser = DescriptorParser.builder().maxAliases(5).build();

    ParsedDocument.Failed error = last(parse(parser, yaml.toString()));

    assertThat(error.message()).contains("more than 5 aliases to collections (maxAliases) at line 8");
    assertThat(error.line()).isEqualTo(8);
  }

  @Test
  void aliasLimitIsPerDocument() {
    String doc = "v: &v {x: 1}\nl: [*v, *v, *v]\n";
    DescriptorParser parser = DescriptorParser.builder().maxAliases(3).build();

    List<ParsedDocument> docs = parse(parser, doc + "---\n" + doc + "---\n" + doc);

    assertThat(docs).hasSize(3).allSatisfy(d -> assertThat(d).isInstanceOf(ParsedDocument.Parsed.class));
  }

  @Test
  void deepFlowNesting_failsOnTheDepthLimitWithoutOverflowingTheStack() {
    int levels = 200_000;
    String yaml = "a: " + "[".repeat(levels) + "]".repeat(levels) + "\n";

    ParsedDocument.Failed error = last(parse(DescriptorParser.defaults(), yaml));

    assertThat(error.message()).contains("deeper than the limit of 64 levels (maxDepth)");
  }

  @Test
  void deepBlockNesting_failsOnTheDepthLimit() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    yaml.append("  ".repeat(10)).append("leaf: 1\n");
    DescriptorParser parser = DescriptorParser.builder().maxDepth(5).build();

    ParsedDocument.Failed error = last(parse(parser, yaml.toString()));

    // the root mapping is level 1, so the mapping under k4 (line 6) is level 6
    assertThat(error.message()).contains("nests deeper than the limit of 5 levels (maxDepth) at line 6");
    assertThat(error.line()).isEqualTo(6);
  }

  @Test
  void depthLimit_allowsExactlyTheLimit() {
    DescriptorParser parser = DescriptorParser.builder().maxDepth(3).build();

    assertThat(parse(parser, "a: {b: [1]}\n")).singleElement().isInstanceOf(ParsedDocument.Parsed.class);
    assertThat(last(parse(parser, "a: {b: [[1]]}\n")).message()).contains("limit of 3 levels");
  }

  @Test
  void aliasThatWouldNestTooDeep_failsOnTheDepthLimit() {
    DescriptorParser parser = DescriptorParser.builder().maxDepth(4).build();

    assertThat(parse(parser, "a: &a [[1]]\nb: *a\n")).singleElement().isInstanceOf(ParsedDocument.Parsed.class);
    ParsedDocument.Failed error = last(parse(parser, "a: &a [[1]]\nb: [[*a]]\n"));
    assertThat(error.message()).contains("alias *a at line 2 nests deeper than the limit of 4 levels (maxDepth)");
  }

  @Test
  void recursiveAlias_failsTheDocument() {
    List<ParsedDocument> docs = parse(DescriptorParser.defaults(), "a: &a\n  b: *a\n---\nkind: B\n");

    assertThat(docs).hasSize(2);
    ParsedDocument.Failed error = (ParsedDocument.Failed) docs.get(0);
    assertThat(error.message()).contains("recursive alias *a at line 2");
    assertThat(docs.get(1)).isInstanceOf(ParsedDocument.Parsed.class);
  }

  @Test
  void recursiveSequenceAlias_failsTheDocument() {
    ParsedDocument.Failed error = last(parse(DescriptorParser.defaults(), "&x [1, *x]\n"));

    assertThat(error.message()).contains("recursive alias *x");
  }

  @Test
  void oversizeContent_failsNamingSizeAndLimit() {
    DescriptorParser parser = DescriptorParser.builder().maxDocumentBytes(100).build();
    byte[] content = ("kind: A\ndescription: " + "x".repeat(200) + "\n").getBytes(UTF_8);

    List<ParsedDocument> docs = parser.parse("big.yaml", content);

    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(1);
      assertThat(((ParsedDocument.Failed) d).message())
          .contains("file is " + content.length + " bytes", "limit of 100 bytes (maxDocumentBytes)");
    });
  }

  @Test
  void oversizeContent_atExactlyTheLimitIsParsed() {
    byte[] content = "kind: A\n".getBytes(UTF_8);
    DescriptorParser parser = DescriptorParser.builder().maxDocumentBytes(content.length).build();

    assertThat(parser.parse("ok.yaml", content)).singleElement().isInstanceOf(ParsedDocument.Parsed.class);
  }

  @Test
  void oversizeFile_isRejectedFromItsSize(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.write(file, new byte[5000]);
    DescriptorParser parser = DescriptorParser.builder().maxDocumentBytes(1000).build();

    ParsedDocument.Failed error = last(parser.parse(file));

    assertThat(error.message()).contains("file is 5000 bytes", "limit of 1000 bytes (maxDocumentBytes)");
  }

  @Test
  void oversizeStream_readsNoMoreThanTheLimitPlusOne() {
    DescriptorParser parser = DescriptorParser.builder().maxDocumentBytes(1000).build();
    CountingStream in = new CountingStream(1_000_000);

    ParsedDocument.Failed error = last(parser.parse("stream", in));

    assertThat(error.message()).contains("larger than the limit of 1000 bytes (maxDocumentBytes)");
    assertThat(in.read).isLessThanOrEqualTo(1001);
  }

  /** An endless stream of spaces that counts what was read. */
  private static final class CountingStream extends InputStream {
    private final ByteArrayInputStream delegate;
    long read;

    CountingStream(int size) {
      this.delegate = new ByteArrayInputStream(" ".repeat(size).getBytes(UTF_8));
    }

    @Override
    public int read() {
      int b = delegate.read();
      if (b >= 0) {
        read++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      int n = delegate.read(buf, off, len);
      if (n > 0) {
        read += n;
      }
      return n;
    }
  }
}
