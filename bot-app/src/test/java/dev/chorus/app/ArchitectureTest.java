package dev.chorus.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward (docs/architecture.md): the core knows no framework, SDK or store, its
 * packages form no cycle, and adapters know each other not.
 */
@AnalyzeClasses(packages = "dev.chorus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreUsesNoFrameworkSdkOrStoreClient = noClasses()
      .that().resideInAPackage("dev.chorus.core..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.springframework..", "jakarta..", "javax.inject..",
          "net.dv8tion..", "club.minnced..",
          "com.slack..",
          "io.lettuce..", "redis..", "org.redisson..",
          "okhttp3..", "tools.jackson..", "com.fasterxml.jackson..",
          "gg.jte..", "com.openhtmltopdf..", "org.apache.batik..", "org.apache.pdfbox..")
      .because("bot-core is the domain: plain Java, so it runs the same under every adapter and store");

  @ArchTest
  static final ArchRule coreDependsOnNoOuterModule = noClasses()
      .that().resideInAPackage("dev.chorus.core..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "dev.chorus.app..", "dev.chorus.shell..", "dev.chorus.discord..", "dev.chorus.slack..", "dev.chorus.testkit..",
          "dev.chorus.report..")
      .because("dependencies point inward");

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles = slices().matching("dev.chorus.core.(*)..")
      .should().beFreeOfCycles()
      .because("each feature package of the core can be read, changed and tested above the ones it uses");

  @ArchTest
  static final ArchRule coreFeaturesDoNotDependOnTheFrontDoor = noClasses()
      .that().resideInAPackage("dev.chorus.core.*..")
      .should().dependOnClassesThat().resideInAPackage("dev.chorus.core")
      .because("the root package (Chorus, Stores) uses the feature packages; the other way round would be a cycle"
          + " the slices above do not see, as the root package is not one of them");

  @ArchTest
  static final ArchRule adaptersDoNotDependOnEachOther = slices().matching("dev.chorus.(shell|slack|discord|report)..")
      .should().notDependOnEachOther()
      .because("each adapter is built, tested and deployed without the others");

  @ArchTest
  static final ArchRule shellKnowsNoOtherAdapter = noClasses()
      .that().resideInAPackage("dev.chorus.shell..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.chorus.discord..", "dev.chorus.slack..", "dev.chorus.app..")
      .because("adapters do not depend on each other or on the composition root");

  @ArchTest
  static final ArchRule discordKnowsNoOtherAdapter = noClasses()
      .that().resideInAPackage("dev.chorus.discord..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.chorus.shell..", "dev.chorus.slack..", "dev.chorus.app..")
      .because("adapters do not depend on each other or on the composition root");

  @ArchTest
  static final ArchRule slackKnowsNoOtherAdapter = noClasses()
      .that().resideInAPackage("dev.chorus.slack..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.chorus.shell..", "dev.chorus.discord..", "dev.chorus.app..")
      .allowEmptyShould(true)
      .because("adapters do not depend on each other or on the composition root");

  @ArchTest
  static final ArchRule reportRendererKnowsNoAdapter = noClasses()
      .that().resideInAPackage("dev.chorus.report..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.chorus.shell..", "dev.chorus.slack..",
          "dev.chorus.discord..", "dev.chorus.app..")
      .because("the renderer is a port's implementation like any adapter: it knows core only");

  @ArchTest
  static final ArchRule adaptersUseNoSpring = noClasses()
      .that().resideInAnyPackage("dev.chorus.shell..", "dev.chorus.slack..", "dev.chorus.discord..",
          "dev.chorus.report..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
      .because("Spring is the composition root's business; adapters are wired by it");
}
