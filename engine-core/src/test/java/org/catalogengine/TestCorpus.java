package org.catalogengine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared corpus of real descriptor files ({@code ../shared/corpus} beside the repository, never
 * copied into it). Tests that need it skip when it is absent, except under CI ({@code CI=true}), where
 * absence is a failure.
 */
public final class TestCorpus {

  private TestCorpus() {}

  /** The corpus root, or skips (fails under CI) the calling test when it is absent. */
  public static Path root() {
    String configured = System.getProperty("catalog.corpus", "../shared/corpus");
    Path path = Path.of(configured).toAbsolutePath().normalize();
    boolean present = Files.isDirectory(path.resolve("backstage-examples"));
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("The corpus is required under CI but was not found at " + path);
    }
    assumeTrue(present, "Corpus not found at " + path + " (expected ../shared/corpus); skipping");
    return path;
  }

  /** Every {@code *.yaml}, {@code *.yml} and {@code *.json} file under {@code dir}, sorted. */
  public static List<Path> descriptorFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
