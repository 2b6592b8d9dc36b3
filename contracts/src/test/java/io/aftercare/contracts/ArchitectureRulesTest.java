package io.aftercare.contracts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import io.aftercare.contracts.sample.Thing;
import io.aftercare.contracts.sample.jobs.Compaction;
import io.aftercare.contracts.sample.provider.TwilioSettings;
import io.aftercare.contracts.sample.repository.ThingRepository;
import io.aftercare.contracts.sample.rest.ThingResource;
import io.aftercare.contracts.sample.service.MissingThing;
import io.aftercare.contracts.sample.service.RawCounts;
import io.aftercare.contracts.sample.service.Regions;
import io.aftercare.contracts.sample.service.Things;
import io.aftercare.contracts.sample.service.ThingsByName;
import io.aftercare.contracts.sample.service.TwilioErrors;
import io.aftercare.contracts.sample.webhook.InboundResource;

/**
 * Each layout rule refuses a class put in the wrong place, and its message says where the class belongs; the sample
 * service laid out by the rules keeps every one of them.
 */
class ArchitectureRulesTest {

    private static final String BASE = "io.aftercare.contracts.sample";

    /** The sample service as it should be. */
    private static final Class<?>[] WELL_PLACED = {Thing.class, ThingResource.class, Things.class,
            ThingRepository.class, TwilioSettings.class};

    @Test
    void aWellLaidOutServiceKeepsEveryRule() {
        JavaClasses classes = importWith();
        for (ArchRule rule : ArchitectureRules.of(BASE)) {
            assertThatCode(() -> rule.check(classes)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    @Test
    void aClassOutsideEveryRolePackageIsToldTheRoles() {
        assertThatThrownBy(() -> ArchitectureRules.rolePackages(BASE).check(importWith(Compaction.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Compaction.class.getName() + " is in " + BASE + ".jobs, which is no role package")
                .hasMessageContaining(BASE + ".rest (JAX-RS resources")
                .hasMessageContaining(BASE + ".service (business logic and scheduled jobs")
                .hasMessageContaining(BASE + ".repository (every SQL statement");
    }

    @Test
    void aResourceInAFeaturePackageIsToldItBelongsInRest() {
        assertThatThrownBy(() -> ArchitectureRules.rolePackages(BASE).check(importWith(InboundResource.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(InboundResource.class.getName() + " is in " + BASE + ".webhook")
                .hasMessageContaining("it belongs in " + BASE + ".rest (JAX-RS resources");
    }

    @Test
    void aServiceExceptionThatIsAJaxRsOneBreaksTheEdgeRule() {
        assertRefused(ArchitectureRules::jaxRsOnlyAtTheEdges, MissingThing.class,
                "a resource or exception mapper belongs in " + BASE + ".rest",
                "throw rest-problems' UnprocessableException or NotFoundProblem");
    }

    @Test
    void sqlInAServiceIsToldItBelongsInARepository() {
        assertRefused(ArchitectureRules::sqlTypesOnlyInRepositories, RawCounts.class,
                "SQL and queries belong in " + BASE + ".repository");
    }

    @Test
    void aPanacheQueryInAServiceIsToldItBelongsInARepository() {
        assertRefused(ArchitectureRules::queriesOnlyInRepositories, ThingsByName.class,
                "calls method <" + Thing.class.getName() + ".list(java.lang.String, [Ljava.lang.Object;)>",
                "SQL and queries belong in " + BASE + ".repository");
    }

    @Test
    void aTwilioClassOutsideTheProviderIsToldItBelongsThere() {
        assertRefused(ArchitectureRules::twilioClassesInProvider, TwilioErrors.class,
                "what is Twilio's belongs in " + BASE + ".provider");
    }

    @Test
    void aServiceThatReadsTwilioClassesIsToldTheyBelongToTheProvider() {
        assertRefused(ArchitectureRules::twilioKnownOnlyToProvider, Regions.class,
                "what is Twilio's belongs in " + BASE + ".provider");
    }

    private static void assertRefused(Function<String, ArchRule> rule, Class<?> misplaced, String... message) {
        assertThatCode(() -> rule.apply(BASE).check(importWith())).as("the well-placed classes keep it")
                .doesNotThrowAnyException();
        var refusal = assertThatThrownBy(() -> rule.apply(BASE).check(importWith(misplaced)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(misplaced.getName());
        for (String part : message) {
            refusal.hasMessageContaining(part);
        }
    }

    private static JavaClasses importWith(Class<?>... misplaced) {
        Class<?>[] classes = new Class<?>[WELL_PLACED.length + misplaced.length];
        System.arraycopy(WELL_PLACED, 0, classes, 0, WELL_PLACED.length);
        System.arraycopy(misplaced, 0, classes, WELL_PLACED.length, misplaced.length);
        return new ClassFileImporter().importClasses(classes);
    }
}
