package org.catalogengine.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.catalogengine.spi.read.UrlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlReadersTest {

  /** A hand-written reader that answers its own name for every {@code url} target. */
  private record Named(String name) implements UrlReader {
    @Override
    public boolean canRead(String type, String target) {
      return "url".equals(type);
    }

    @Override
    public ReadResult read(String target, ReadOptions options) {
      return ReadResult.modified(target, name.getBytes(StandardCharsets.UTF_8), null);
    }
  }

  @Test
  void find_routesByHostThenTypeInOrder(@TempDir Path dir) {
    UrlReader github = UrlReaders.forHosts(Set.of("GitHub.com"), new Named("github"));
    UrlReader fallback = new Named("any");
    FileUrlReader files = FileUrlReader.builder().allowedRoots(dir).build();
    UrlReaders readers = UrlReaders.builder().add(github).add(fallback).add(files).build();

    assertThat(readers.find("url", "https://github.com/org/repo/blob/main/x.yaml")).containsSame(github);
    assertThat(readers.find("url", "https://gitlab.com/org/repo/-/blob/main/x.yaml")).containsSame(fallback);
    assertThat(readers.find("file", dir + "/x.yaml")).containsSame(files);
    assertThat(readers.find("s3", "bucket/x.yaml")).isEmpty();
    assertThat(readers.asList()).containsExactly(github, fallback, files);
  }

  @Test
  void forHosts_refusesUnparsableUrls() {
    UrlReader github = UrlReaders.forHosts(Set.of("github.com"), new Named("github"));

    assertThat(github.canRead("url", "https://github.com/ x")).isFalse();
    assertThat(github.canRead("file", "/github.com/x")).isFalse();
  }
}
