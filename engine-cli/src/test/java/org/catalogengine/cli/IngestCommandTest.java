package org.catalogengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog ingest} and {@code catalog export} on a temporary SQLite file with the repository's examples. */
class IngestCommandTest {

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CatalogCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), dir).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path examples() {
    return Path.of(System.getProperty("catalog.examples", "../examples")).toAbsolutePath().normalize();
  }

  @Test
  void ingest_examplesCatalogPrintsASummary() {
    Run r = run("ingest", "--db", "jdbc:sqlite:test.db", examples().resolve("catalog/all.yaml").toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).startsWith("Ingested 23 entities in ").contains("""
          API          2
          Component    4
          Domain       2
          Group        4
          Location     2
          Resource     2
          System       2
          Template     1
          User         4
        relations: 78
        processing errors: 0
        conflicts: 0
        orphans: 0
        """);
  }

  @Test
  void ingest_again_withRefreshReprocessesAndKeepsTheCatalog() {
    String all = examples().resolve("catalog/all.yaml").toString();
    run("ingest", "--db", "jdbc:sqlite:test.db", all);
    String first = run("export", "--db", "jdbc:sqlite:test.db").out();

    Run r = run("ingest", "--refresh", "--db", "jdbc:sqlite:test.db", all);

    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("Ingested 23 entities in ");
    assertThat(run("export", "--db", "jdbc:sqlite:test.db").out()).isEqualTo(first);
  }

  @Test
  void ingest_defaultRulesReportNotAllowedKindsAndExitOne() {
    Run r = run("ingest", "--rules", "default", "--db", "jdbc:sqlite:test.db",
        examples().resolve("catalog/all.yaml").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("NotAllowedError").contains("processing errors: ");
  }

  @Test
  void ingest_otherLocationsReplaceThePreviousOnes() throws Exception {
    Path one = dir.resolve("one.yaml");
    Files.writeString(one, """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: one
        spec:
          type: service
          lifecycle: production
          owner: team-a
        """);
    Path two = dir.resolve("two.yaml");
    Files.writeString(two, Files.readString(one).replace("name: one", "name: two"));
    run("ingest", "--db", "jdbc:sqlite:test.db", "one.yaml");

    run("ingest", "--db", "jdbc:sqlite:test.db", "two.yaml");

    List<String> refs = run("export", "--db", "jdbc:sqlite:test.db").out().lines()
        .map(l -> Entity.parse(l).ref().toString()).toList();
    assertThat(refs).contains("component:default/two").doesNotContain("component:default/one");
  }

  @Test
  void ingest_missingFileIsAUsageError() {
    Run r = run("ingest", "--db", "jdbc:sqlite:test.db", "nope.yaml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml: not a file");
  }

  @Test
  void export_printsOneSortedCanonicalLinePerEntity() throws Exception {
    run("ingest", "--db", "jdbc:sqlite:test.db", examples().resolve("catalog/all.yaml").toString());

    Run r = run("export", "--db", "jdbc:sqlite:test.db");

    assertThat(r.exitCode()).isEqualTo(0);
    List<String> lines = r.out().lines().toList();
    List<String> refs = lines.stream().map(l -> Entity.parse(l).ref().toString()).toList();
    assertThat(refs).isSorted().doesNotHaveDuplicates().isNotEmpty();
    assertThat(lines).allSatisfy(l -> assertThat(CanonicalJson.MAPPER.readTree(l).toString()).isNotNull());
    assertThat(Files.exists(dir.resolve("test.db"))).isTrue();
  }
}
