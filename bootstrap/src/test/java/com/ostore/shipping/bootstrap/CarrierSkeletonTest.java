package com.ostore.shipping.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both carrier adapters have one skeleton: the same roles under the same names, and one resilience
 * design (Failsafe only in the policies, the HTTP client that applies them and the wiring). A third
 * carrier is a copy of this skeleton plus its own mappers.
 */
class CarrierSkeletonTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.ostore.shipping.adapter.out.carrier");
  private static final List<String> ROLES = List.of("CarrierGateway", "Config", "Api", "HttpClient", "Policies",
      "TokenProvider", "Errors", "EventCodes", "ResilienceSettings|Resilience");

  @ParameterizedTest
  @CsvSource({"fedex, Fedex", "usps, Usps"})
  void everyCarrierAdapterHasEveryRoleUnderItsName(String carrier, String prefix) {
    Set<String> names = CLASSES.stream()
        .filter(type -> type.getPackageName().equals("com.ostore.shipping.adapter.out.carrier." + carrier))
        .map(JavaClass::getSimpleName).collect(Collectors.toSet());

    for (String role : ROLES) {
      assertThat(names).as(carrier + " " + role)
          .anyMatch(name -> List.of(role.split("\\|")).stream().anyMatch(option -> name.equals(prefix + option)));
    }
    assertThat(names).as(carrier + " mappers").anyMatch(name -> name.endsWith("RequestMapper"))
        .anyMatch(name -> name.endsWith("ResponseMapper")).contains("HttpResult");
  }

  @Test
  void failsafeStaysInThePoliciesTheHttpClientThatAppliesThemAndTheWiring() {
    noClasses().that().resideInAPackage("com.ostore.shipping.adapter.out.carrier..")
        .and().haveSimpleNameNotEndingWith("Policies").and().haveSimpleNameNotEndingWith("HttpClient")
        .and().haveSimpleNameNotEndingWith("Clients").and().haveSimpleNameNotEndingWith("CarrierGateway")
        .should().dependOnClassesThat().resideInAPackage("dev.failsafe..")
        .because("both carriers retry, break and limit in one place, on results, the same way")
        .check(CLASSES);
  }

  @Test
  void tokensAreHeldAsSecretsInTheSharedCache() {
    assertThat(CLASSES.stream().filter(type -> type.getSimpleName().endsWith("TokenProvider")))
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(type -> type.getDirectDependenciesFromSelf().stream()
            .anyMatch(dependency -> dependency.getTargetClass().getName()
                .equals("com.ostore.shipping.domain.support.TokenCache")));
  }
}
