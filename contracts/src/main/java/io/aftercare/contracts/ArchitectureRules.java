package io.aftercare.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How every service's code is layered, checked by its tests: {@code rest} may use {@code service}, never the reverse;
 * services know nothing of JAX-RS (they throw domain exceptions, which {@code rest-problems} answers); repositories
 * call no REST client; no two packages depend on each other in a cycle; and no service defines its own copy of an
 * event record.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The rules for the service whose classes live under {@code basePackage} (e.g. {@code io.aftercare.scheduling}). */
    public static List<ArchRule> of(String basePackage) {
        return List.of(
                noClasses().that().resideInAPackage(basePackage + ".service..")
                        .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                        .because("rest uses service, never the reverse"),
                noClasses().that().resideInAPackage(basePackage + ".service..")
                        .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                        .because("services throw domain exceptions; only REST resources speak HTTP"),
                noClasses().that().resideInAPackage(basePackage + ".repository..")
                        .should().dependOnClassesThat()
                        .areAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
                        .because("repositories read and write the database, nothing else"),
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles(),
                EventRecords.definedOnlyInTheEventsModule());
    }

    /** The service's own classes, without tests. */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }
}
