package io.aftercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.DemoBooking;
import io.aftercare.localstack.DemoClinic;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalSecrets;
import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The local run as an attacker on the same network or the same machine finds it, against the packaged services (the
 * console too) and the real infrastructure: nothing listens beyond loopback, no password is public or on a command
 * line, bodies are bounded, pages cannot be framed or driven from another site, and a clinic's override is not answered
 * to anyone. And as a newcomer finds it: {@code up}'s demo clinic has an admin who signs in with the printed one-time
 * link, and {@code demo} leaves a patient's reply in that clinic's inbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunSafeDefaultsIT {

    /**
     * Inside docker compose's 10 s between SIGTERM and SIGKILL (stop_grace_period) with room to spare, and well inside
     * Kubernetes' terminationGracePeriodSeconds: a stop measured about 3 s for scheduling on a quiet machine, 5.4 s
     * while another module's tests shared the two cores, and 15 s before consumers closed fast.
     */
    private static final Duration PROMPT_STOP = Duration.ofSeconds(8);

    private static final InfrastructurePorts PORTS = InfrastructurePorts.random();
    /** 127.0.0.1 in /proc/net/tcp, and as an IPv4-mapped address (::ffff:127.0.0.1) in /proc/net/tcp6. */
    private static final Set<String> LOOPBACK = Set.of("0100007F", "0000000000000000FFFF00000100007F");

    private static Path secretsFile;
    private static LocalSecrets.Loaded firstLoad;
    private static LocalAftercare aftercare;

    @BeforeAll
    static void startTheSystemAsAftercareUpDoes() throws Exception {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("safe-defaults-");
        Path logs = Path.of(System.getProperty("aftercare.logs", home.resolve("logs").toString()));
        Path cache = Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString()));
        secretsFile = home.resolve(".aftercare/secrets.properties");
        firstLoad = LocalSecrets.loadOrCreate(secretsFile);
        aftercare = LocalAftercare.start(new LocalAftercare.Layout(repository, home.resolve("data"), cache, logs),
                firstLoad.secrets(), PORTS, LocalAftercare.randomPorts(List.of(AftercareService.values())), Map.of(),
                System.out::println);
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.kill(); // the last test stops scheduling and notification; guidance has nothing to wait for
        }
    }

    /** Last: it stops the two services with Kafka consumers, as a rolling update or docker compose stop would. */
    @Test
    @Order(Integer.MAX_VALUE)
    void schedulingAndNotificationStopWellWithinComposesGracePeriodOnSigterm() {
        List<AftercareService> stopping = List.of(AftercareService.SCHEDULING, AftercareService.NOTIFICATION);
        List<CompletableFuture<Duration>> stops = stopping.stream()
                .map(service -> CompletableFuture.supplyAsync(() -> timeTheStopOf(service))).toList();
        for (int i = 0; i < stopping.size(); i++) {
            assertThat(stops.get(i).join()).as(stopping.get(i) + "'s stop").isLessThan(PROMPT_STOP);
        }
    }

    /** SIGTERM, then the time until the process ended, which must be by its own shutdown (143), not a SIGKILL. */
    private static Duration timeTheStopOf(AftercareService service) {
        ServiceProcess process = aftercare.service(service);
        long started = System.nanoTime();
        try {
            aftercare.stopService(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(service + " stopped in " + took.toMillis() + " ms, exit code " + process.exitCode());
        assertThat(process.exitCode()).as(service + "'s exit code").isIn(0, 143);
        return took;
    }

    @Test
    void theSecretsFileIsMadeOnceWithRandomValuesOnlyItsOwnerCanRead() throws Exception {
        assertThat(firstLoad.created()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsFile))).isEqualTo("rw-------");
        LocalSecrets secrets = firstLoad.secrets();
        List<String> values = List.of(secrets.adminPassword(), secrets.operatorPassword(), secrets.twilioAuthToken());
        assertThat(Set.copyOf(values)).hasSize(3);
        for (String value : values) {
            assertThat(value).hasSizeGreaterThanOrEqualTo(32).isNotIn("admin", "operator", "local-run-token");
        }
        assertThat(secrets.toString()).doesNotContain(secrets.operatorPassword());

        LocalSecrets.Loaded again = LocalSecrets.loadOrCreate(secretsFile);
        assertThat(again.created()).isFalse();
        assertThat(again.secrets()).isEqualTo(secrets);
        Path elsewhere = Files.createTempDirectory("other-machine-").resolve("secrets.properties");
        assertThat(Collections.disjoint(values, List.of(LocalSecrets.loadOrCreate(elsewhere).secrets().adminPassword(),
                LocalSecrets.loadOrCreate(elsewhere).secrets().operatorPassword()))).isTrue();

        // The services use exactly these: the operator's login from the file works, the old public one does not.
        scheduling().auth().preemptive().basic("operator", secrets.operatorPassword())
                .get("/v1/ops/overview").then().statusCode(200);
        scheduling().auth().preemptive().basic("operator", "operator").get("/v1/ops/overview").then().statusCode(401);
        guidance().auth().preemptive().basic("admin", "admin").get("/v1/admin/protocols/microneedling/draft")
                .then().statusCode(401);
    }

    @Test
    void noSecretIsOnAServicesCommandLineWhereOtherUsersCanReadIt() throws Exception {
        LocalSecrets secrets = aftercare.secrets();
        for (AftercareService service : AftercareService.values()) {
            long pid = aftercare.service(service).pid();
            String commandLine = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            assertThat(commandLine).as(service + "'s command line").contains("quarkus-run.jar")
                    .doesNotContain(secrets.adminPassword())
                    .doesNotContain(secrets.operatorPassword())
                    .doesNotContain(secrets.twilioAuthToken())
                    .doesNotContain(aftercare.consoleTokenKeys().privateKeyPem().lines().skip(1).findFirst()
                            .orElseThrow());
            // They reach the service through its environment, which only its owner can read.
            String environment = Files.readString(Path.of("/proc", String.valueOf(pid), "environ"),
                    StandardCharsets.UTF_8);
            assertThat(environment).contains("AFTERCARE_OPERATOR_PASSWORD=" + secrets.operatorPassword());
            // Only the console signs person tokens; the others get the public half, to check them.
            assertThat(environment.contains(aftercare.consoleTokenKeys().privateKeyPem()))
                    .as(service + " holds the console's private key").isEqualTo(service == AftercareService.CONSOLE);
            if (!service.usesKafka()) {
                assertThat(environment).as(service + "'s environment").doesNotContain("AFTERCARE_KAFKA_PASSWORD");
                continue;
            }
            // Each service has its own broker password, and none of the others'.
            BrokerUser own = BrokerUser.of(service);
            assertThat(commandLine).doesNotContain(secrets.broker().password(own));
            assertThat(environment).contains("AFTERCARE_KAFKA_PASSWORD=" + secrets.broker().password(own));
            for (BrokerUser other : BrokerUser.values()) {
                if (other != own) {
                    assertThat(environment).as(service + "'s environment").doesNotContain(
                            secrets.broker().password(other));
                }
            }
        }
    }

    @Test
    void everyServiceAndTheInfrastructureListenOnLoopbackOnly() throws Exception {
        List<Integer> ports = new ArrayList<>(List.of(PORTS.postgres(), PORTS.kafka(), PORTS.kafkaController(),
                PORTS.smtp()));
        for (AftercareService service : AftercareService.values()) {
            ports.add(aftercare.service(service).port());
        }
        List<String> listening = listeningSockets();
        for (int port : ports) {
            String suffix = ":" + String.format("%04X", port);
            List<String> onPort = listening.stream().filter(address -> address.endsWith(suffix)).toList();
            assertThat(onPort).as("sockets listening on port " + port).isNotEmpty()
                    .allMatch(address -> LOOPBACK.contains(address.substring(0, address.indexOf(':'))),
                            "127.0.0.1 only");
        }
        // And from another address of this machine, as a neighbour on the network would try, nothing answers.
        InetAddress external = nonLoopbackAddress();
        if (external != null) {
            for (int port : ports) {
                assertThat(connects(external, port)).as(external + ":" + port).isFalse();
            }
        }
    }

    @Test
    void anOversizedBodyIsAnswered413AndChangesNothing() {
        // guidance: 512 KiB; a protocol is about 30 KB.
        var draft = guidance().auth().preemptive().basic("admin", aftercare.secrets().adminPassword());
        int draftBefore = draft.get("/v1/admin/protocols/microneedling/draft").statusCode();
        guidance().auth().preemptive().basic("admin", aftercare.secrets().adminPassword())
                .contentType(ContentType.JSON).body(jsonOfSize(600 * 1024))
                .put("/v1/admin/protocols/microneedling/draft").then().statusCode(413);
        assertThat(guidance().auth().preemptive().basic("admin", aftercare.secrets().adminPassword())
                .get("/v1/admin/protocols/microneedling/draft").statusCode()).isEqualTo(draftBefore);
        // Below the limit the body is read (and refused for what it says, not for its size).
        guidance().auth().preemptive().basic("admin", aftercare.secrets().adminPassword())
                .contentType(ContentType.JSON).body(jsonOfSize(400 * 1024))
                .put("/v1/admin/protocols/microneedling/draft").then().statusCode(org.hamcrest.Matchers.not(413));

        // notification: 256 KiB; a provider's callback is a few hundred bytes.
        notification().contentType(ContentType.URLENC).body("Body=" + "x".repeat(300 * 1024))
                .post("/v1/webhooks/twilio/inbound").then().statusCode(413);
        notification().contentType(ContentType.URLENC).body("Body=" + "x".repeat(200 * 1024))
                .post("/v1/webhooks/twilio/inbound").then().statusCode(org.hamcrest.Matchers.not(413));

        // scheduling: 64 KiB; a booking is a few hundred bytes.
        String clinic = "big-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(clinic);
        String path = "/v1/clinics/" + clinic + "/bookings/oversized";
        String padded = booking().replace("\"status\": \"booked\"",
                "\"status\": \"booked\", \"note\": \"" + "x".repeat(70 * 1024) + "\"");
        scheduling().auth().preemptive().basic(clinic, key).contentType(ContentType.JSON).body(padded).put(path)
                .then().statusCode(413);
        scheduling().auth().preemptive().basic(clinic, key).get(path).then().statusCode(404);
    }

    @Test
    void pagesForbidFramingSniffingAndForeignScripts() {
        var page = scheduling().auth().preemptive().basic("operator", aftercare.secrets().operatorPassword())
                .get("/ops/");
        page.then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        assertThat(page.asString()).contains("<script src=\"ops.js\"></script>").doesNotContain("<script>");
        for (RequestSpecification service : List.of(guidance(), notification())) {
            service.get("/q/health").then().header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
    }

    @Test
    void theOperatorsEndpointsRefuseCrossSiteAndHeaderlessChanges() {
        String operator = aftercare.secrets().operatorPassword();
        String credentials = "/v1/admin/clinics/csrf-" + UUID.randomUUID().toString().substring(0, 8)
                + "/credentials";
        // A form on another site, posted with the Basic login the browser remembers for this one.
        scheduling().auth().preemptive().basic("operator", operator).header("Sec-Fetch-Site", "cross-site")
                .post(credentials)
                .then().statusCode(403).contentType("application/problem+json");
        scheduling().auth().preemptive().basic("operator", operator).get(credentials)
                .then().statusCode(200).body("", empty());

        String resend = "/v1/ops/reminders/" + UUID.randomUUID() + "/resend";
        scheduling().auth().preemptive().basic("operator", operator).post(resend)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-Aftercare-Csrf"));
        scheduling().auth().preemptive().basic("operator", operator).header("X-Aftercare-Csrf", "1")
                .header("Sec-Fetch-Site", "cross-site").post(resend).then().statusCode(403);
        // What the ops page sends gets through to the endpoint (which knows no such reminder).
        scheduling().auth().preemptive().basic("operator", operator).header("X-Aftercare-Csrf", "1")
                .header("Sec-Fetch-Site", "same-origin").post(resend).then().statusCode(404);
    }

    @Test
    void aClinicsOverrideNeedsThatClinicsOrTheOperatorsLogin() {
        String clinic = "override-" + UUID.randomUUID().toString().substring(0, 8);
        String other = clinic + "-b";
        String key = issueKey(clinic);
        String otherKey = issueKey(other);
        guidance().auth().preemptive().basic("admin", aftercare.secrets().adminPassword())
                .contentType(ContentType.JSON).body("{\"clinicName\": \"Clinica Reservada\"}")
                .put("/v1/admin/clinics/" + clinic + "/protocols/microneedling").then().statusCode(201);
        String effective = "/v1/protocols/microneedling?clinicId=" + clinic;

        guidance().get(effective).then().statusCode(401).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(containsString("Reservada")));
        guidance().auth().preemptive().basic(clinic, "ak_0000_forged").get(effective).then().statusCode(401);
        guidance().auth().preemptive().basic(clinic, key).get(effective).then().statusCode(200)
                .body("clinicName", equalTo("Clinica Reservada"));
        guidance().auth().preemptive().basic(other, otherKey).get(effective).then().statusCode(403);
        guidance().auth().preemptive().basic("operator", aftercare.secrets().operatorPassword()).get(effective)
                .then().statusCode(200);
        guidance().get("/v1/protocols/microneedling").then().statusCode(200);

        // Scheduling still plans this clinic's bookings: it asks guidance as the operator.
        String path = "/v1/clinics/" + clinic + "/bookings/planned-1";
        scheduling().auth().preemptive().basic(clinic, key).contentType(ContentType.JSON).body(booking()).put(path)
                .then().statusCode(201)
                .body("planState", equalTo("planned"))
                .body("reminders", org.hamcrest.Matchers.not(empty()));
    }

    /**
     * What {@code ./aftercare up} and {@code ./aftercare demo} do for a newcomer, through the same classes: the demo
     * clinic's admin chooses a password with the printed one-time link and signs in to the console; the demo's patient
     * answers a text through the provider's signed webhook, and the reply waits in the clinic's inbox.
     */
    @Test
    void upMakesADemoClinicWhoseAdminSignsInAndDemoLeavesAReplyInItsInbox() throws Exception {
        String console = aftercare.baseUrl(AftercareService.CONSOLE);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        DemoClinic clinic = new DemoClinic(out, aftercare.baseUrl(AftercareService.SCHEDULING), console,
                aftercare.secrets().operatorPassword());
        String link = clinic.setUp();
        assertThat(link).startsWith(console + "/links/");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(DemoClinic.ADMIN_EMAIL).contains(link);
        // The next start finds the clinic and its admin: no second admin, the link still the only one.
        assertThat(clinic.setUp()).isNull();

        String password = "violet-harbour-lantern-42";
        given().baseUri(console).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("password", password).formParam("confirm", password)
                .post(link.substring(console.length())).then().statusCode(303);
        given().baseUri(console).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("password", password).formParam("confirm", password)
                .post(link.substring(console.length())).then().statusCode(org.hamcrest.Matchers.not(303));
        String session = given().baseUri(console).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", DemoClinic.ADMIN_EMAIL).formParam("password", password)
                .post("/sign-in").then().statusCode(303).extract().cookie("__Host-aftercare-session");
        given().baseUri(console).cookie("__Host-aftercare-session", session).get("/").then().statusCode(200)
                .body(containsString(DemoClinic.ID));

        String bookingId = new DemoBooking(out, aftercare.baseUrl(AftercareService.SCHEDULING),
                aftercare.baseUrl(AftercareService.NOTIFICATION), console, aftercare.secrets()).run();
        List<Map<String, Object>> inbox = notification().auth().preemptive()
                .basic(DemoClinic.ID, issueKey(DemoClinic.ID)).get("/v1/clinics/" + DemoClinic.ID + "/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(inbox).filteredOn(item -> bookingId.equals(item.get("bookingId")))
                .extracting(item -> item.get("body")).containsExactly(DemoBooking.REPLY);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(console + "/inbox");
        // And the demo clinic's admin finds it in the console's inbox.
        given().baseUri(console).cookie("__Host-aftercare-session", session).get("/inbox").then().statusCode(200)
                .body(containsString(DemoBooking.REPLY));
    }

    private static List<String> listeningSockets() throws IOException {
        List<String> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] columns = line.trim().split("\\s+");
                // st 0A is LISTEN; an IPv6 socket shows its address in 32 hex digits, never 127.0.0.1's 8.
                if (columns[3].equals("0A")) {
                    sockets.add(columns[1].toUpperCase(Locale.ROOT));
                }
            }
        }
        return sockets;
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static String jsonOfSize(int bytes) {
        return "{\"title\": \"" + "x".repeat(bytes) + "\"}";
    }

    private static String booking() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        return """
                {
                  "patient": {"firstName": "Lena", "phone": "+34612345601", "email": "patient@example.com",
                              "locale": "en", "timeZone": "%s", "preferredChannel": "sms",
                              "consent": {"sms": true, "email": true}},
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(MiddayZone.now(), end.minusMinutes(45), end);
    }

    private static String issueKey(String clinic) {
        return scheduling().auth().preemptive().basic("operator", aftercare.secrets().operatorPassword())
                .post("/v1/admin/clinics/" + clinic + "/credentials")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private static RequestSpecification guidance() {
        return given().baseUri(aftercare.baseUrl(AftercareService.GUIDANCE));
    }

    private static RequestSpecification scheduling() {
        return given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING));
    }

    private static RequestSpecification notification() {
        return given().baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION));
    }
}
