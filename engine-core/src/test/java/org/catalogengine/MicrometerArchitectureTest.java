package org.catalogengine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Micrometer is optional: only {@code org.catalogengine.micrometer} may load its classes. */
class MicrometerArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.catalogengine");
  }

  @Test
  void micrometer_isUsedOnlyByTheMicrometerPackage() {
    noClasses().that().resideOutsideOfPackage("org.catalogengine.micrometer..")
        .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
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
