package io.aftercare.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * How every service's code is laid out, checked by its tests. One rule, the same in every service: a class lives in
 * the service's base package (entities) or in a {@link Role} package under it, chosen by what it does; HTTP (JAX-RS)
 * only at the edges, {@code rest} coming in and {@code client} going out; SQL only in {@code repository}; Kafka only in
 * {@code listener} (in) and {@code messaging} (out); Twilio only in {@code provider}; {@code rest} uses
 * {@code service}, never the reverse; no two packages depend on each other in a cycle; and no service defines its own
 * copy of an event record. Each rule's message says where the class belongs.
 */
public final class ArchitectureRules {

    private static final String JAX_RS = "jakarta.ws.rs..";
    private static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";

    private ArchitectureRules() {
    }

    /** The rules for the service whose classes live under {@code basePackage} (e.g. {@code io.aftercare.scheduling}). */
    public static List<ArchRule> of(String basePackage) {
        return List.of(
                rolePackages(basePackage),
                jaxRsOnlyAtTheEdges(basePackage),
                restClientsInClient(basePackage),
                sqlTypesOnlyInRepositories(basePackage),
                queriesOnlyInRepositories(basePackage),
                kafkaOnlyInListenerAndMessaging(basePackage),
                twilioClassesInProvider(basePackage),
                twilioKnownOnlyToProvider(basePackage),
                noClasses().that().resideInAPackage(basePackage + ".service..")
                        .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                        .because("rest uses service, never the reverse: what a resource and a service share (a"
                                + " request's shape) belongs in " + Role.SERVICE.packageIn(basePackage) + " or the"
                                + " root"),
                noClasses().that().resideInAPackage(basePackage + ".repository..")
                        .should().dependOnClassesThat().areAnnotatedWith(REST_CLIENT)
                        .because("repositories read and write the database, nothing else; a call to another service"
                                + " belongs in " + Role.SERVICE.packageIn(basePackage)),
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .because("roles depend on each other one way: rest and listener on service, service on"
                                + " repository, client, provider and messaging; a class that closes a cycle is in the"
                                + " wrong role"),
                EventRecords.definedOnlyInTheEventsModule());
    }

    /** Every class in the base package or a role package; the message lists the roles and what each holds. */
    public static ArchRule rolePackages(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..").and().areTopLevelClasses()
                .should(resideInTheRootOrARole(basePackage))
                .because("a newcomer finds a class by what it does, the same way in every service");
    }

    /**
     * JAX-RS types only in {@code rest} (resources, exception mappers) and {@code client} (REST client interfaces, and
     * the JAX-RS exceptions a REST client throws). A service's refusal is a domain exception of {@code rest-problems}
     * ({@code UnprocessableException}, {@code NotFoundProblem}), never a {@code WebApplicationException}: the edge
     * answers it as a problem.
     */
    public static ArchRule jaxRsOnlyAtTheEdges(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackages(Role.REST.identifierIn(basePackage),
                        Role.CLIENT.identifierIn(basePackage))
                .should().dependOnClassesThat().resideInAPackage(JAX_RS)
                .because("only the edges speak HTTP: a resource or exception mapper belongs in "
                        + Role.REST.describeIn(basePackage) + ", a REST client in " + Role.CLIENT.packageIn(basePackage)
                        + "; elsewhere throw rest-problems' UnprocessableException or NotFoundProblem");
    }

    /** A REST client interface belongs with the other outbound calls. */
    public static ArchRule restClientsInClient(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..").and().areAnnotatedWith(REST_CLIENT)
                .should().resideInAPackage(Role.CLIENT.identifierIn(basePackage))
                .because("a REST client belongs in " + Role.CLIENT.describeIn(basePackage))
                .allowEmptyShould(true); // a service that calls none over a REST client keeps the rule
    }

    /** JDBC, data sources, the pool and the types that run queries: only a repository needs them. */
    public static ArchRule sqlTypesOnlyInRepositories(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackage(Role.REPOSITORY.identifierIn(basePackage))
                .should().dependOnClassesThat(Sql.TYPES)
                .because(sqlBelongs(basePackage));
    }

    /** Panache's methods that take a query string (HQL or a where clause): only a repository calls them. */
    public static ArchRule queriesOnlyInRepositories(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackage(Role.REPOSITORY.identifierIn(basePackage))
                .should().callMethodWhere(Sql.PANACHE_QUERY)
                .because(sqlBelongs(basePackage));
    }

    /**
     * Consumers, emitters and Kafka's own types only in {@code listener} (in) and {@code messaging} (out). Two roles,
     * not one: a consumer calls a service and a service calls a publisher, so one package for both would depend on
     * {@code service} both ways.
     */
    public static ArchRule kafkaOnlyInListenerAndMessaging(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackages(Role.LISTENER.identifierIn(basePackage),
                        Role.MESSAGING.identifierIn(basePackage))
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.reactive.messaging..",
                        "io.smallrye.reactive.messaging..", "org.apache.kafka..")
                .because("a consumer belongs in " + Role.LISTENER.describeIn(basePackage) + ", a publisher in "
                        + Role.MESSAGING.describeIn(basePackage));
    }

    /**
     * A class named for Twilio is one of the provider's own (its settings, its signature scheme, its client); only a
     * JAX-RS resource that receives Twilio's calls sits elsewhere, in {@code rest}, named for whom it answers.
     */
    public static ArchRule twilioClassesInProvider(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..").and().areTopLevelClasses().and(namedForTwilio())
                .and().areNotAnnotatedWith("jakarta.ws.rs.Path")
                .should().resideInAPackage(Role.PROVIDER.identifierIn(basePackage))
                .because(twilioBelongs(basePackage))
                .allowEmptyShould(true); // guidance and scheduling know no provider: nothing to check is the rule kept
    }

    /**
     * Only the provider, and the resource that receives Twilio's webhooks, use Twilio's classes; the rest of the
     * service reads the provider-neutral {@code SendResult}. (A constant such as an error code is inlined by the
     * compiler and leaves no trace in the bytecode: which is one more reason to keep it in a provider's class and
     * hand out a neutral classification instead.)
     */
    public static ArchRule twilioKnownOnlyToProvider(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackages(Role.PROVIDER.identifierIn(basePackage),
                        Role.REST.identifierIn(basePackage))
                .should().dependOnClassesThat(namedForTwilio())
                .because(twilioBelongs(basePackage));
    }

    /** The service's own classes, without tests. */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    private static String sqlBelongs(String basePackage) {
        return "SQL and queries belong in " + Role.REPOSITORY.describeIn(basePackage)
                + "; a service, resource or job calls a repository's method";
    }

    private static String twilioBelongs(String basePackage) {
        return "what is Twilio's belongs in " + Role.PROVIDER.describeIn(basePackage)
                + "; others see provider-neutral types (SendResult), and only the resource in "
                + Role.REST.packageIn(basePackage) + " that receives Twilio's webhooks uses the provider's classes";
    }

    private static DescribedPredicate<JavaClass> namedForTwilio() {
        return DescribedPredicate.describe("are named for Twilio",
                // Nested classes too: TwilioSmsProvider's are named TwilioSmsProvider$...
                javaClass -> javaClass.getName().substring(javaClass.getName().lastIndexOf('.') + 1)
                        .contains("Twilio"));
    }

    private static ArchCondition<JavaClass> resideInTheRootOrARole(String basePackage) {
        return new ArchCondition<>("reside in " + basePackage + " or one of its role packages") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (Role.ALL.stream().anyMatch(role -> role.isHomeOf(javaClass, basePackage))) {
                    return;
                }
                String where = Role.suggestedFor(javaClass)
                        .map(role -> "it belongs in " + role.describeIn(basePackage))
                        .orElse("move it to the package of its role: " + Role.describeAll(basePackage));
                events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is in "
                        + javaClass.getPackageName() + ", which is no role package of " + basePackage + "; " + where));
            }
        };
    }
}
