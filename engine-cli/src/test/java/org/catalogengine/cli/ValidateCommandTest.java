package org.catalogengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.catalogengine.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ValidateCommandTest {

  private static final String COMPONENT = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: %s
      spec:
        type: service
        lifecycle: experimental
        owner: team-a
      """;

  private static final String GROUP = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: team-a
      spec:
        type: team
        children: []
      """;

  @TempDir
  Path dir;

  /** The outcome of one in-process run. */
  private record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CatalogCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), dir).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void validate_validDirectoryExitsZeroWithASummary() throws IOException {
    write("catalog/a.yaml", COMPONENT.formatted("petstore") + "---\n" + GROUP);
    write("catalog/nested/b.yml", COMPONENT.formatted("searcher"));
    write("catalog/c.json", """
        {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
         "metadata": {"name": "json-one"},
         "spec": {"type": "service", "lifecycle": "production", "owner": "team-a"}}
        """);
    write("catalog/README.md", "not a descriptor: ignored");

    Run run = run("validate", "catalog");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("Checked 3 files, 4 entities: 4 valid, 0 invalid, 0 unreadable documents");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_brokenFilesExitOneWithFileLineRefLines() throws IOException {
    write("good.yaml", COMPONENT.formatted("petstore"));
    write("broken.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: ok-one
        spec: {type: service, lifecycle: experimental, owner: team-a}
        ---
        kind: component
        metadata:
          name: no-api-version
        ---
        kind: Component
        metadata:
          title: no name at all
        """);
    write("syntax.yaml", "kind: Component\nmetadata:\n  name: x\n  title: a: b\n");

    Run run = run("validate", "good.yaml", "broken.yaml", "syntax.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("broken.yaml:7: component:default/no-api-version: ");
    assertThat(run.out()).containsPattern("(?m)^broken\\.yaml:11: .+");
    assertThat(run.out()).containsPattern("(?m)^syntax\\.yaml:4: YAML syntax error at line 4.* \\[B2]$");
    assertThat(run.out()).containsPattern("(?m)^broken\\.yaml:7: component:default/no-api-version: .*apiVersion.* \\[E15]$");
    assertThat(run.out()).doesNotContain("good.yaml").doesNotContain("ok-one");
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("Checked 3 files, 4 entities: 2 valid, 2 invalid, 1 unreadable document");
  }

  @Test
  void validate_jsonFormatPrintsAnArrayOfFindings() throws IOException {
    write("broken.yaml", "kind: component\nmetadata:\n  name: no-api-version\n---\n- a list\n");

    Run run = run("validate", "--format", "json", "broken.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode findings = CanonicalJson.MAPPER.readTree(run.out());
    assertThat(findings.isArray()).isTrue();
    assertThat(findings.size()).isEqualTo(2);
    JsonNode first = findings.get(0);
    assertThat(first.get("file").stringValue()).isEqualTo("broken.yaml");
    assertThat(first.get("line").intValue()).isEqualTo(1);
    assertThat(first.get("entityRef").stringValue()).isEqualTo("component:default/no-api-version");
    assertThat(first.get("severity").stringValue()).isEqualTo("error");
    assertThat(first.has("field")).isTrue();
    assertThat(first.get("rule").stringValue()).isNotEmpty();
    assertThat(first.get("message").stringValue()).isNotEmpty();
    JsonNode second = findings.get(1);
    assertThat(second.get("line").intValue()).isEqualTo(5);
    assertThat(second.get("entityRef").isNull()).isTrue();
    assertThat(second.get("rule").stringValue()).isEqualTo("B2");
    assertThat(second.get("message").stringValue()).contains("document is a list");
    assertThat(run.err()).contains("Checked 1 file, 1 entity: 0 valid, 1 invalid, 1 unreadable document");
  }

  @Test
  void validate_jsonFormatWithNoProblemsIsAnEmptyArray() throws IOException {
    write("a.yaml", COMPONENT.formatted("petstore"));

    Run run = run("validate", "--format=JSON", "a.yaml");

    assertThat(run.exitCode()).isZero();
    assertThat(CanonicalJson.MAPPER.readTree(run.out()).size()).isZero();
  }

  @Test
  void validate_pathsOutsideTheWorkingDirectoryArePrintedAbsolute(@TempDir Path elsewhere) throws IOException {
    Path file = elsewhere.resolve("x.yaml");
    Files.writeString(file, "- not an entity\n");

    Run run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith(file.toAbsolutePath() + ":1: document is a list");
  }

  @Test
  void validate_filesAreListedInSortedOrder() throws IOException {
    write("d/b.yaml", "- b\n");
    write("d/a.yaml", "- a\n");
    write("d/a/z.yaml", "- z\n");

    Run run = run("validate", "d");

    assertThat(run.out().lines().filter(l -> l.contains(": document is")).map(l -> l.substring(0, l.indexOf(':'))))
        .containsExactly("d/a.yaml", "d/a/z.yaml", "d/b.yaml"); // path order: "." sorts before "/"
  }

  @Test
  void validate_missingPathIsAUsageError() {
    Run run = run("validate", "does-not-exist.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("PATH not found: does-not-exist.yaml");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void validate_noPathIsAUsageError() {
    Run run = run("validate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter", "PATH");
  }

  @Test
  void validate_unknownOptionIsAUsageError() throws IOException {
    write("a.yaml", COMPONENT.formatted("petstore"));

    Run run = run("validate", "--frobnicate", "a.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void validate_unknownFormatIsAUsageError() throws IOException {
    write("a.yaml", COMPONENT.formatted("petstore"));

    Run run = run("validate", "--format", "xml", "a.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format");
  }

  @Test
  void catalog_withoutSubcommandIsAUsageError() {
    Run run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing subcommand", "validate");
  }

  @Test
  void catalog_versionAndHelpExitZero() {
    Run version = run("--version");
    Run help = run("--help");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("catalog ").doesNotContain("${");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("validate");
  }
}
