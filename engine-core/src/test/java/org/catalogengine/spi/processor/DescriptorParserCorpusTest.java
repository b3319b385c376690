package org.catalogengine.spi.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.catalogengine.TestCorpus;
import org.junit.jupiter.api.Test;

/** The parser over the shared corpus of real descriptor files (skipped when the corpus is absent). */
class DescriptorParserCorpusTest {

  private static Path corpus() {
    return TestCorpus.root();
  }

  private static List<Path> descriptors(Path dir) {
    return TestCorpus.descriptorFiles(dir);
  }

  @Test
  void backstageExamples_allEntityFilesParseWithoutFailures() throws IOException {
    Path examples = corpus().resolve("backstage-examples");
    List<String> failures = new ArrayList<>();
    int entities = 0;
    for (Path file : descriptors(examples)) {
      if (file.getFileName().toString().contains(".oas.")) {
        continue; // OpenAPI definitions referenced by $text are not entity descriptors
      }
      for (ParsedDocument doc : DescriptorParser.defaults().parse(file)) {
        if (doc instanceof ParsedDocument.Failed f) {
          failures.add(f.source() + ":" + f.line() + ": " + f.message());
        } else {
          entities++;
        }
      }
    }

    assertThat(failures).isEmpty();
    assertThat(entities).isGreaterThan(50);
  }

  @Test
  void realFiles_neverThrowAndEveryResultHasALineInsideTheFile() throws IOException {
    for (Path file : descriptors(corpus().resolve("real"))) {
      long lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1).size();
      for (ParsedDocument doc : DescriptorParser.defaults().parse(file)) {
        assertThat(doc.line()).as(doc.source()).isBetween(1, (int) Math.max(1, lines));
      }
    }
  }
}
