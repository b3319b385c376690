package org.catalogengine.benchmarks.jmh;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.ParsedDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * {@link DescriptorParser#parse(String, byte[])} of one multi-document YAML descriptor file, as a URL or file
 * reader hands it over: bytes in, one {@link ParsedDocument} per entity out (YAML 1.2 core scalars, duplicate-key
 * checks, limits).
 *
 * <p>Workload: the first {@code entities} entities of the generated catalog (seed {@value Fixtures#SEED}, the
 * generator's kind mix), written in setup by Jackson's YAML writer as one document per entity, each starting with
 * {@code ---}, multi-line strings as literal blocks; 1,000 entities are about 0.6 MB. The bytes stay in memory:
 * no I/O is measured.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar YamlParseBenchmark
 * java -jar benchmarks/target/benchmarks.jar YamlParseBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class YamlParseBenchmark extends JmhDefaults {

  /** The source name passed to the parser (it is only copied into the results). */
  static final String SOURCE = "url:https://example.com/catalog/entities-0001.yaml";

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .build();

  /** How many entity documents the file holds. */
  @Param({"1000"})
  public int entities = 1_000;

  final DescriptorParser parser = DescriptorParser.defaults();
  List<ObjectNode> documents = List.of();
  byte[] content = new byte[0];

  /** Generates the entities and writes them as one multi-document YAML byte array. */
  @Setup
  public void setup() {
    documents = CatalogGenerator.generate(Math.max(entities, CatalogGenerator.MIN_ENTITIES), Fixtures.SEED)
        .subList(0, entities);
    ByteArrayOutputStream out = new ByteArrayOutputStream(entities * 800);
    try (SequenceWriter writer = YAML.writer().writeValues(out)) {
      for (ObjectNode document : documents) {
        writer.write(document);
      }
    }
    content = out.toByteArray();
  }

  /** Parses the whole file. */
  @Benchmark
  public List<ParsedDocument> parse() {
    return parser.parse(SOURCE, content);
  }
}
