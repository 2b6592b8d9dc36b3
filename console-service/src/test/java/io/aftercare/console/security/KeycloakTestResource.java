package io.aftercare.console.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aftercare.localstack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID Connect provider for the console's tests: Keycloak's own distribution (unpacked from the Maven
 * registry into {@code target/keycloak} by the build), in {@code start-dev} on a free port, with an H2 database of its
 * own under that folder (wiped at each start, so that the realm {@code keycloak/aftercare-test-realm.json} is imported
 * afresh). It needs Java 21 or newer, looked for at run time under {@code /usr/lib/jvm}; without one the tests fail,
 * saying so.
 * <p>
 * Started once per test run and not waited for here: Keycloak takes 7 to 25 s to answer, and the console's other test
 * classes run meanwhile; {@code ProviderSignInTest} waits for it. Its output goes to {@code target/keycloak.log}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String CLINIC = "oidc-clinic";
    public static final String REALM = "aftercare-test";
    /** The client's secret in the realm file; test data, not a deployment's. */
    static final String CLIENT_SECRET = "console-test-secret-3b1f9c0e5d7a4e21";
    /** The settings under which the test finds Keycloak's address, log and the moment it was started. */
    public static final String ISSUER = "aftercare.test.keycloak.issuer";
    public static final String LOG = "aftercare.test.keycloak.log";
    public static final String STARTED_AT = "aftercare.test.keycloak.started-at";

    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)");

    private Process keycloak;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("aftercare.keycloak.home", "target/keycloak/missing"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home.toAbsolutePath()
                    + ": the build's maven-dependency-plugin unpacks org.keycloak:keycloak-quarkus-dist there before"
                    + " the tests (run them through Maven)");
        }
        Path java = javaAtLeast(21).orElseThrow(() -> new IllegalStateException(
                "Keycloak needs Java 21 or newer, and no bin/java under /usr/lib/jvm says it is 21 or newer; install"
                        + " one (a Temurin 21+ JDK) to run the console's OIDC tests"));
        int port = FreePorts.next();
        Path log = home.getParent().getParent().resolve("keycloak.log");
        try {
            prepare(home);
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
            // Keycloak's Quarkus asks for this on Java 24+ (else a thread-local reset warning fills the log).
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            keycloak = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
        String prefix = "aftercare.console.oidc.clinics." + CLINIC + ".";
        String issuer = "http://127.0.0.1:" + port + "/realms/" + REALM;
        return Map.of(prefix + "issuer", issuer, prefix + "client-id", "aftercare-console",
                prefix + "client-secret", CLIENT_SECRET, prefix + "label", "Clinic Keycloak",
                prefix + "roles-claim", "realm_access/roles", ISSUER, issuer, LOG, log.toAbsolutePath().toString(),
                STARTED_AT, Long.toString(System.currentTimeMillis()));
    }

    @Override
    public void stop() {
        if (keycloak == null) {
            return;
        }
        List<ProcessHandle> children = keycloak.descendants().toList();
        keycloak.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!keycloak.waitFor(20, TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            keycloak.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A fresh database, and the test realm where {@code --import-realm} reads it. */
    private static void prepare(Path home) throws IOException {
        Path h2 = home.resolve("data/h2");
        if (Files.exists(h2)) {
            try (Stream<Path> files = Files.walk(h2)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = KeycloakTestResource.class.getResourceAsStream("/keycloak/" + REALM + "-realm.json")) {
            Files.write(imports.resolve(REALM + "-realm.json"), realm.readAllBytes());
        }
    }

    /** The newest {@code bin/java} under /usr/lib/jvm whose {@code -version} says at least {@code major}. */
    static Optional<Path> javaAtLeast(int major) {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.map(home -> home.resolve("bin/java"))
                    .filter(Files::isExecutable)
                    .filter(java -> majorVersionOf(java) >= major)
                    .max(Comparator.comparingInt(KeycloakTestResource::majorVersionOf));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersionOf(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher matcher = VERSION.matcher(said);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
