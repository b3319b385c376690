package org.catalogengine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md: dependencies point towards {@code model} and {@code spi}, never into internals; and
 * Micrometer, an optional dependency, is loaded only by {@code org.catalogengine.micrometer}.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.catalogengine");
  }

  @Test
  void model_dependsOnNoOtherPartOfTheEngine() {
    noClasses().that().resideInAPackage("org.catalogengine.model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.catalogengine.spi..", "org.catalogengine.internal..", "org.catalogengine")
        .check(classes);
  }

  @Test
  void spi_doesNotDependOnInternals() {
    noClasses().that().resideInAPackage("org.catalogengine.spi..")
        .should().dependOnClassesThat().resideInAPackage("org.catalogengine.internal..")
        .check(classes);
  }

  @Test
  void errors_dependOnNothingOfTheEngine() {
    noClasses().that().resideInAPackage("org.catalogengine.error..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.catalogengine.model..", "org.catalogengine.spi..", "org.catalogengine.internal..")
        .check(classes);
  }

  @Test
  void micrometer_isUsedOnlyByTheMicrometerPackage() {
    noClasses().that().resideOutsideOfPackage("org.catalogengine.micrometer..")
        .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
        .because("Micrometer is an optional dependency")
        .check(classes);
  }

  @Test
  void micrometerPackage_isNotUsedByTheEngine() {
    // the engine must not load the binder either, or it would pull Micrometer in through it
    classes().that().resideInAPackage("org.catalogengine.micrometer..")
        .should().onlyHaveDependentClassesThat().resideInAPackage("org.catalogengine.micrometer..")
        .check(classes);
  }
}
