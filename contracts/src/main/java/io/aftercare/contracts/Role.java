package io.aftercare.contracts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * The packages a service's classes may live in: its base package (entities) and, under it, one package per role,
 * the same list in every service. A role may have sub-packages that keep a feature together ({@code rest.fhir}).
 */
public record Role(String segment, String holds) {

    public static final Role ROOT = new Role("", "entities and the enums of their columns");
    public static final Role MODEL = new Role("model",
            "value records and enums that are not entities nor columns: guidance's protocol content");
    public static final Role REST = new Role("rest",
            "JAX-RS resources, their request and answer records, validators, exception mappers, filters");
    public static final Role SERVICE = new Role("service", "business logic and scheduled jobs; no JAX-RS, no SQL");
    public static final Role REPOSITORY = new Role("repository",
            "every SQL statement and query: JDBC, EntityManager, Panache queries");
    public static final Role LISTENER = new Role("listener",
            "Kafka in: the @Incoming consumers, each handing its event to a service");
    public static final Role MESSAGING = new Role("messaging",
            "Kafka out: publishers and emitters, the outbox and its relay, deserializers");
    public static final Role CLIENT = new Role("client",
            "outbound HTTP: REST clients of the other services, clinics' endpoints and servers");
    public static final Role PROVIDER = new Role("provider",
            "the SMS and email providers, the only classes that know one (Twilio's codes)");
    public static final Role SECURITY = new Role("security",
            "identity providers, access checks, credentials, secrets at rest, masking");
    public static final Role CONFIG = new Role("config", "@ConfigMapping settings and CDI producers");
    public static final Role HEALTH = new Role("health", "health checks");
    public static final Role METRICS = new Role("metrics", "meters and gauges");

    /** Every role, in the order the messages list them. */
    public static final List<Role> ALL = List.of(ROOT, MODEL, REST, SERVICE, REPOSITORY, LISTENER, MESSAGING, CLIENT,
            PROVIDER, SECURITY, CONFIG, HEALTH, METRICS);

    private static final String SERVER_EXCEPTION_MAPPER = "org.jboss.resteasy.reactive.server.ServerExceptionMapper";
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";

    /** The package of this role in the service under {@code basePackage}. */
    public String packageIn(String basePackage) {
        return segment.isEmpty() ? basePackage : basePackage + "." + segment;
    }

    /** This role's package and its sub-packages, as an ArchUnit package identifier; the base package alone for root. */
    String identifierIn(String basePackage) {
        return segment.isEmpty() ? basePackage : basePackage + "." + segment + "..";
    }

    boolean isHomeOf(JavaClass javaClass, String basePackage) {
        String name = javaClass.getPackageName();
        return segment.isEmpty()
                ? name.equals(basePackage)
                : name.equals(packageIn(basePackage)) || name.startsWith(packageIn(basePackage) + ".");
    }

    /** {@code rest (JAX-RS resources, ...)}, as the rules' messages name a role. */
    public String describeIn(String basePackage) {
        return packageIn(basePackage) + " (" + holds + ")";
    }

    /** Every role, as a rule's message lists them. */
    public static String describeAll(String basePackage) {
        return ALL.stream().map(role -> role.describeIn(basePackage)).collect(Collectors.joining("; "));
    }

    /**
     * Where a class most likely belongs, judged by what it is (a JAX-RS resource, a REST client, a Kafka consumer, a
     * class that runs SQL...); empty when nothing gives it away.
     */
    public static Optional<Role> suggestedFor(JavaClass javaClass) {
        if (annotatedWith(javaClass, "jakarta.ws.rs.Path") && !javaClass.isInterface()
                || javaClass.getMethods().stream()
                        .anyMatch(method -> method.isAnnotatedWith(SERVER_EXCEPTION_MAPPER))) {
            return Optional.of(REST);
        }
        if (annotatedWith(javaClass, "org.eclipse.microprofile.rest.client.inject.RegisterRestClient")) {
            return Optional.of(CLIENT);
        }
        if (javaClass.getSimpleName().contains("Twilio")) {
            return Optional.of(PROVIDER);
        }
        if (javaClass.getDirectDependenciesFromSelf().stream().anyMatch(d -> Sql.isSqlType(d.getTargetClass()))) {
            return Optional.of(REPOSITORY);
        }
        if (javaClass.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(INCOMING))) {
            return Optional.of(LISTENER);
        }
        if (annotatedWith(javaClass, "io.smallrye.config.ConfigMapping")) {
            return Optional.of(CONFIG);
        }
        if (annotatedWith(javaClass, "org.eclipse.microprofile.health.Readiness")
                || annotatedWith(javaClass, "org.eclipse.microprofile.health.Liveness")
                || annotatedWith(javaClass, "org.eclipse.microprofile.health.Startup")) {
            return Optional.of(HEALTH);
        }
        if (annotatedWith(javaClass, "jakarta.persistence.Entity")) {
            return Optional.of(ROOT);
        }
        return Optional.empty();
    }

    private static boolean annotatedWith(JavaClass javaClass, String annotation) {
        return javaClass.isAnnotatedWith(annotation);
    }
}
