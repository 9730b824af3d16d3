package com.ostore.shipping.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.ostore.shipping.domain.port.out.CarrierGateway;
import com.ostore.shipping.domain.port.out.IdempotencyKeys;
import com.ostore.shipping.domain.port.out.OutboxRepository;
import com.ostore.shipping.domain.port.out.ShipmentRepository;
import com.ostore.shipping.domain.port.out.TaskQueue;
import com.ostore.shipping.domain.port.out.TrackingEventRepository;
import com.ostore.shipping.domain.port.out.Transactions;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's walls, checked on every build. */
@AnalyzeClasses(packages = "com.ostore.shipping",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutSandbox.class})
class ArchitectureTest {

  /**
   * The sandbox stands in for the outside world (PostgreSQL, Kafka, the carriers) and is never deployed;
   * test-jars (shared test fixtures) are tests too, which {@code DoNotIncludeTests} does not see.
   */
  static final class WithoutSandbox implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/com/ostore/shipping/sandbox/") && !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule hexagon = onionArchitecture()
      .domainModels("com.ostore.shipping.domain.model..", "com.ostore.shipping.domain.event..",
          "com.ostore.shipping.domain.support..")
      .domainServices("com.ostore.shipping.domain.port..")
      .applicationServices("com.ostore.shipping.application..")
      .adapter("http", "com.ostore.shipping.adapter.in.http..", "com.ostore.shipping.adapter.out.alerting..")
      .adapter("persistence", "com.ostore.shipping.adapter.out.persistence..")
      .adapter("fedex", "com.ostore.shipping.adapter.out.carrier.fedex..")
      .adapter("usps", "com.ostore.shipping.adapter.out.carrier.usps..")
      .adapter("kafka", "com.ostore.shipping.adapter.out.kafka..")
      // bootstrap is the composition root: it sees every ring by design.
      .ignoreDependency(resideInAPackage("com.ostore.shipping.bootstrap.."), DescribedPredicate.alwaysTrue())
      .because("the core never depends on an adapter and adapters never on each other");

  @ArchTest
  static final ArchRule domainIsPure = classes().that().resideInAPackage("com.ostore.shipping.domain..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("com.ostore.shipping.domain..", "java.lang..",
          "java.util..", "java.time..", "java.math..")
      .because("the domain is plain Java that any team can embed and test without frameworks");

  @ArchTest
  static final ArchRule applicationDependsOnlyOnDomain = classes().that()
      .resideInAPackage("com.ostore.shipping.application..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("com.ostore.shipping.application..",
          "com.ostore.shipping.domain..", "java..", "org.slf4j..")
      .because("use cases speak only the domain's language and ports");

  @ArchTest
  static final ArchRule javalinStaysAtTheEdge = noClasses().that()
      .resideOutsideOfPackages("com.ostore.shipping.adapter.in.http..", "com.ostore.shipping.adapter.out.alerting..",
          "com.ostore.shipping.bootstrap..")
      .should().dependOnClassesThat().resideInAPackage("io.javalin..")
      .because("only the HTTP adapter and bootstrap know the web framework");

  @ArchTest
  static final ArchRule databaseLibrariesStayInPersistence = noClasses().that()
      .resideOutsideOfPackages("com.ostore.shipping.adapter.out.persistence..")
      .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "com.zaxxer.hikari..", "org.postgresql..",
          "org.flywaydb..", "java.sql..")
      .because("SQL and its libraries live in the persistence adapter only");

  @ArchTest
  static final ArchRule httpClientsStayInCarrierAdapters = noClasses().that()
      .resideOutsideOfPackages("com.ostore.shipping.adapter.out.carrier..")
      .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "dev.failsafe..")
      .because("carrier HTTP clients and their resilience policies belong to the carrier adapters");

  @ArchTest
  static final ArchRule kafkaStaysInItsAdapter = noClasses().that()
      .resideOutsideOfPackages("com.ostore.shipping.adapter.out.kafka..", "com.ostore.shipping.bootstrap..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
      .because("only the Kafka adapter (and the wiring) talks to the broker");

  @ArchTest
  static final ArchRule jwtLibraryStaysInTheSecurityFilter = noClasses().that()
      .resideOutsideOfPackages("com.ostore.shipping.adapter.in.http.auth..")
      .should().dependOnClassesThat().resideInAPackage("com.nimbusds..")
      .because("tokens are checked in one place, the HTTP adapter's security filter");

  @ArchTest
  static final ArchRule securityFilterKnowsOnlyHttp = classes().that()
      .resideInAPackage("com.ostore.shipping.adapter.in.http.auth..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("com.ostore.shipping.adapter.in.http.auth..", "java..",
          "javax..", "io.javalin..", "com.nimbusds..", "org.slf4j..")
      .because("who may call which route is decided before any use case or domain object is involved");

  @ArchTest
  static final ArchRule inboundAdaptersNeverTouchStorage = noClasses().that()
      .resideInAPackage("com.ostore.shipping.adapter.in..")
      .should().dependOnClassesThat().belongToAnyOf(ShipmentRepository.class, TrackingEventRepository.class,
          OutboxRepository.class, TaskQueue.class, Transactions.class, IdempotencyKeys.class)
      .because("the API drives use cases; idempotency keys and shipments are stored behind them");

  @ArchTest
  static final ArchRule noJacksonInTheCore = noClasses().that()
      .resideInAnyPackage("com.ostore.shipping.domain..", "com.ostore.shipping.application..")
      .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
      .because("JSON is a wire format, mapped at the edge");

  @ArchTest
  static final ArchRule adaptersUseUseCasesNotServices = noClasses().that()
      .resideInAPackage("com.ostore.shipping.adapter..")
      .should().dependOnClassesThat().resideInAPackage("com.ostore.shipping.application.service..")
      .because("adapters drive the application through its use-case interfaces");

  @ArchTest
  static final ArchRule nothingDependsOnBootstrap = noClasses().that()
      .resideOutsideOfPackage("com.ostore.shipping.bootstrap..")
      .should().dependOnClassesThat().resideInAPackage("com.ostore.shipping.bootstrap..")
      .because("bootstrap is the composition root, the outermost ring");

  @ArchTest
  static final ArchRule useCasesAreNamedSo = classes().that().resideInAPackage("com.ostore.shipping.application.port.in..")
      .and().areInterfaces()
      .should().haveSimpleNameEndingWith("UseCase")
      .because("in-ports read as the use cases they are");

  @ArchTest
  static final ArchRule servicesAreNamedSo = classes().that().resideInAPackage("com.ostore.shipping.application.service..")
      .and().arePublic().and().areNotInterfaces()
      .and().implement(DescribedPredicate.describe("a use case",
          c -> c.getSimpleName().endsWith("UseCase")))
      .should().haveSimpleNameEndingWith("Service")
      .because("use cases are implemented by *Service classes");

  @ArchTest
  static final ArchRule carrierGatewaysLiveWithTheCarriers = classes().that().implement(CarrierGateway.class)
      .should().resideInAnyPackage("com.ostore.shipping.adapter.out.carrier..", "com.ostore.shipping.bootstrap.metrics..")
      .because("each carrier's API is spoken by its own adapter module (the wiring only times the calls)");

  @ArchTest
  static final ArchRule metricsStayInTheWiring = noClasses().that()
      .resideOutsideOfPackage("com.ostore.shipping.bootstrap..")
      .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
      .because("the core and the adapters are measured from outside, through their ports and read-only queries");

  @ArchTest
  static final ArchRule noCycles = slices().matching("com.ostore.shipping.(**)").should().beFreeOfCycles()
      .because("cycles between packages make the modules impossible to split or embed");
}
