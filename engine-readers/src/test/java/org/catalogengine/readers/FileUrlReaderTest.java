package org.catalogengine.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.catalogengine.error.InputException;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUrlReaderTest {

  @TempDir Path tmp;
  private Path root;
  private FileUrlReader reader;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo")).toRealPath();
    reader = FileUrlReader.builder().allowedRoots(root).build();
  }

  private Path write(String relative, String content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private static String text(ReadResult.File f) {
    return new String(f.content(), StandardCharsets.UTF_8);
  }

  @Test
  void read_returnsTheContentWithAnEtag() throws IOException {
    Path file = write("catalog-info.yaml", "kind: Component\n");

    ReadResult r = reader.read(file.toString(), ReadOptions.NONE);

    assertThat(r).isInstanceOfSatisfying(ReadResult.Modified.class, m -> {
      assertThat(m.files()).singleElement().satisfies(f -> {
        assertThat(f.target()).isEqualTo(file.toString());
        assertThat(text(f)).isEqualTo("kind: Component\n");
      });
      assertThat(m.etag()).hasSize(40);
    });
  }

  @Test
  void read_withTheSameEtagIsNotModifiedAndAChangeIsSeen() throws IOException {
    Path file = write("catalog-info.yaml", "a: 1\n");
    String etag = ((ReadResult.Modified) reader.read(file.toString(), ReadOptions.NONE)).etag();

    assertThat(reader.read(file.toString(), ReadOptions.withEtag(etag))).isInstanceOf(ReadResult.NotModified.class);
    Files.writeString(file, "a: 2\n");
    assertThat(reader.read(file.toString(), ReadOptions.withEtag(etag))).isInstanceOf(ReadResult.Modified.class);
  }

  @Test
  void read_missingFileIsNotFound() {
    ReadResult r = reader.read(root.resolve("nope.yaml").toString(), ReadOptions.NONE);

    assertThat(r).isInstanceOfSatisfying(ReadResult.NotFound.class,
        nf -> assertThat(nf.message()).contains("nope.yaml"));
  }

  @Test
  void read_fileUrlFormIsAccepted() throws IOException {
    Path file = write("x.yaml", "x: 1\n");

    assertThat(reader.read("file://" + file, ReadOptions.NONE)).isInstanceOf(ReadResult.Modified.class);
  }

  @Test
  void read_outsideTheAllowedRootsIsRefusedNamingPathAndRoots() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "s3cr3t");

    assertThatThrownBy(() -> reader.read(secret.toString(), ReadOptions.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(secret.toString())
        .hasMessageContaining("outside the allowed roots [" + root + "]");
    assertThatThrownBy(() -> reader.read("/etc/passwd", ReadOptions.NONE))
        .hasMessageContaining("/etc/passwd").hasMessageContaining("outside the allowed roots");
  }

  @Test
  void read_parentTraversalIsRefused() throws IOException {
    Files.writeString(tmp.resolve("secret.txt"), "s3cr3t");

    assertThatThrownBy(() -> reader.read(root + "/../secret.txt", ReadOptions.NONE))
        .isInstanceOf(InputException.class).hasMessageContaining("outside the allowed roots");
  }

  @Test
  void read_symlinkPointingOutsideIsRefused() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "s3cr3t");
    Path link = Files.createSymbolicLink(root.resolve("link.yaml"), secret);

    assertThatThrownBy(() -> reader.read(link.toString(), ReadOptions.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(secret.toRealPath().toString())
        .hasMessageContaining("outside the allowed roots");
  }

  @Test
  void read_symlinkInsideTheRootIsFollowed() throws IOException {
    Path real = write("real.yaml", "r: 1\n");
    Path link = Files.createSymbolicLink(root.resolve("alias.yaml"), real);

    assertThat(reader.read(link.toString(), ReadOptions.NONE)).isInstanceOf(ReadResult.Modified.class);
  }

  @Test
  void read_directoryIsRefused() throws IOException {
    Path dir = Files.createDirectories(root.resolve("dir"));

    assertThatThrownBy(() -> reader.read(dir.toString(), ReadOptions.NONE))
        .isInstanceOf(InputException.class).hasMessageContaining("is a directory");
  }

  @Test
  void read_fileOverTheSizeCapIsRefused() throws IOException {
    Path big = write("big.yaml", "x".repeat(101));
    FileUrlReader small = FileUrlReader.builder().allowedRoots(root).maxFileBytes(100).build();

    assertThatThrownBy(() -> small.read(big.toString(), ReadOptions.NONE))
        .isInstanceOf(InputException.class).hasMessageContaining("101 bytes").hasMessageContaining("100");
  }

  @Test
  void cs54_globMatchingThreeFilesReturnsEachWithItsOwnTarget() throws IOException {
    write("a/catalog-info.yaml", "a");
    write("b/catalog-info.yaml", "b");
    write("c/catalog-info.yaml", "c");
    write("d/other.yaml", "d");
    write("e/f/catalog-info.yaml", "too deep for *");
    Files.createDirectories(root.resolve("g/catalog-info.yaml"));

    ReadResult r = reader.search(root + "/*/catalog-info.yaml", ReadOptions.NONE);

    assertThat(r).isInstanceOfSatisfying(ReadResult.Modified.class, m -> {
      assertThat(m.files()).extracting(ReadResult.File::target).containsExactly(
          root + "/a/catalog-info.yaml", root + "/b/catalog-info.yaml", root + "/c/catalog-info.yaml");
      assertThat(m.files()).extracting(FileUrlReaderTest::text).containsExactly("a", "b", "c");
    });
  }

  @Test
  void cs54_globMatchingNothingIsNotFound() throws IOException {
    write("a/other.yaml", "a");

    ReadResult r = reader.search(root + "/*/catalog-info.yaml", ReadOptions.NONE);

    assertThat(r).isInstanceOfSatisfying(ReadResult.NotFound.class,
        nf -> assertThat(nf.message()).contains("No files match"));
  }

  @Test
  void search_doubleStarMatchesAnyDepthIncludingNone() throws IOException {
    write("catalog-info.yaml", "top");
    write("x/y/catalog-info.yaml", "deep");

    ReadResult r = reader.search(root + "/**/catalog-info.yaml", ReadOptions.NONE);

    assertThat(((ReadResult.Modified) r).files()).extracting(FileUrlReaderTest::text)
        .containsExactlyInAnyOrder("top", "deep");
  }

  @Test
  void search_unchangedFilesAreNotModified() throws IOException {
    write("a/catalog-info.yaml", "a");
    String pattern = root + "/*/catalog-info.yaml";
    String etag = ((ReadResult.Modified) reader.search(pattern, ReadOptions.NONE)).etag();

    assertThat(reader.search(pattern, ReadOptions.withEtag(etag))).isInstanceOf(ReadResult.NotModified.class);
    write("b/catalog-info.yaml", "b");
    assertThat(reader.search(pattern, ReadOptions.withEtag(etag))).isInstanceOf(ReadResult.Modified.class);
  }

  @Test
  void search_outsideTheRootsIsRefused() {
    assertThatThrownBy(() -> reader.search("/etc/*.conf", ReadOptions.NONE))
        .isInstanceOf(InputException.class).hasMessageContaining("/etc").hasMessageContaining("allowed roots");
  }

  @Test
  void search_symlinkedMatchPointingOutsideIsRefused() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.yaml"), "s3cr3t");
    Files.createDirectories(root.resolve("a"));
    Files.createSymbolicLink(root.resolve("a/catalog-info.yaml"), secret);

    assertThatThrownBy(() -> reader.search(root + "/*/catalog-info.yaml", ReadOptions.NONE))
        .isInstanceOf(InputException.class).hasMessageContaining("outside the allowed roots");
  }

  @Test
  void builder_withoutRootsFails() {
    assertThatThrownBy(() -> FileUrlReader.builder().build())
        .isInstanceOf(InputException.class).hasMessageContaining("allowed root");
  }

  @Test
  void canRead_onlyFileType() {
    assertThat(reader.canRead("file", "/x")).isTrue();
    assertThat(reader.canRead("url", "https://x")).isFalse();
  }
}
