package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.catalogengine.spi.processor.ParsedDocument;
import org.junit.jupiter.api.Test;

class YamlParseBenchmarkTest {

  @Test
  void parse_returnsEveryGeneratedEntityUnchanged() {
    YamlParseBenchmark b = new YamlParseBenchmark();
    b.entities = 1_000;
    b.setup();

    List<ParsedDocument> docs = b.parse();

    assertThat(docs).hasSize(1_000).allSatisfy(d -> assertThat(d).isInstanceOf(ParsedDocument.Parsed.class));
    for (int i = 0; i < docs.size(); i++) {
      ParsedDocument.Parsed parsed = (ParsedDocument.Parsed) docs.get(i);
      assertThat(parsed.source()).isEqualTo(YamlParseBenchmark.SOURCE);
      assertThat(parsed.json()).as("document %d", i).isEqualTo(b.documents.get(i));
    }
    assertThat(b.content.length).isGreaterThan(100_000);
  }
}
