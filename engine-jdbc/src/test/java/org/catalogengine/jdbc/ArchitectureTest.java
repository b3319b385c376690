package org.catalogengine.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** engine-jdbc uses engine-core's public API only, and keeps jOOQ out of its public signatures. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.catalogengine.jdbc");

  @Test
  void jdbc_doesNotUseCoreInternals() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.catalogengine.internal..")
        .check(CLASSES);
  }

  @Test
  void dialectBranches_liveOnlyInTheDialectPackage() {
    noClasses().that().resideOutsideOfPackage("org.catalogengine.jdbc.internal.dialect..")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.SQLDialect")
        .because("SQLite/PostgreSQL/MariaDB differences live only in internal.dialect (STYLE.md)")
        .check(CLASSES);
  }
}
