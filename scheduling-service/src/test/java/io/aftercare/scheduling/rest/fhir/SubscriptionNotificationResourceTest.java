package io.aftercare.scheduling.rest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A clinic's FHIR server notifying us of Appointments through a rest-hook Subscription, whole or by id. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionNotificationResourceTest {

    private static final String TOKEN = "Bearer clinic-server-token";
    private static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(4)
            .truncatedTo(ChronoUnit.HOURS);

    /** The clinic's own FHIR server: what it holds, answered only with the token the profile gives us. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private HttpServer clinicServer;

    @BeforeEach
    void startClinicServer() throws IOException {
        clinicServer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        clinicServer.createContext("/fhir/", exchange -> {
            reads.incrementAndGet();
            String resource = held.get(exchange.getRequestURI().getPath().substring("/fhir/".length()));
            int status = !TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    ? 401
                    : resource == null ? 404 : 200;
            byte[] body = (resource == null ? "{}" : resource).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        clinicServer.start();
    }

    @AfterEach
    void stopClinicServer() {
        clinicServer.stop(0);
    }

    private String clinicWithServer() {
        String clinic = "clinic-fs-" + UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().contentType("application/json")
                .body("""
                        {"name": "Klinik Syd", "timeZone": "Europe/Stockholm", "locale": "sv", "phone": "+46812345678",
                         "fhirServer": {"baseUrl": "http://localhost:%d/fhir", "authorization": "%s"}}
                        """.formatted(clinicServer.getAddress().getPort(), TOKEN))
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201)
                .body("fhirServer.authorized", org.hamcrest.Matchers.equalTo(true))
                .body("fhirServer.authorization", org.hamcrest.Matchers.nullValue());
        return clinic;
    }

    private static String notification(String type, String... entries) {
        String status = """
                {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Parameters", "parameter": [
                  {"name": "subscription", "valueReference": {"reference": "Subscription/aftercare"}},
                  {"name": "status", "valueCode": "active"}, {"name": "type", "valueCode": "%s"}]}}
                """.formatted(UUID.randomUUID(), type);
        return "{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": [" + status
                + (entries.length == 0 ? "" : "," + String.join(",", entries)) + "]}";
    }

    @Test
    void anAppointmentNotifiedWholeOrByIdIsBooked() {
        String clinic = clinicWithServer();
        String whole = BookingFixtures.uniqueId("sub-full");
        String byId = BookingFixtures.uniqueId("sub-id");
        String patient = "p-" + UUID.randomUUID().toString().substring(0, 8);
        held.put("Patient/" + patient, FhirBundles.patientResource(patient, "+46701234569", "sv"));
        held.put("Appointment/" + byId, FhirBundles.appointmentResource(byId, "Patient/" + patient, START,
                "\"booked\""));
        String base = "http://localhost:" + clinicServer.getAddress().getPort() + "/fhir/";

        // Full resource: the Appointment and its Patient in the notification.
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification",
                        "{\"fullUrl\": \"" + base + "Patient/" + patient + "\", \"resource\": "
                                + FhirBundles.patientResource(patient, "+46701234569", "sv") + "}",
                        "{\"fullUrl\": \"" + base + "Appointment/" + whole + "\", \"resource\": "
                                + FhirBundles.appointmentResource(whole, "Patient/" + patient, START, "\"booked\"")
                                + "}"))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json");
        // Id only: read from the clinic's server, the Patient too.
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification", "{\"fullUrl\": \"" + base + "Appointment/" + byId + "\"}"))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(200);

        for (String id : new String[]{whole, byId}) {
            Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + id)
                    .then()
                    .statusCode(200)
                    .body("timeZone", org.hamcrest.Matchers.equalTo("Europe/Stockholm"))
                    .body("planState", org.hamcrest.Matchers.equalTo("planned"));
        }
        Clinics.as(clinic).get("/fhir/r4/CommunicationRequest?patient=Patient/" + patient)
                .then()
                .statusCode(200)
                .body("entry.resource.about.reference.flatten()", hasItem("Appointment/" + byId));
    }

    @Test
    void heartbeatsAndPingsDoNothingAndAnIdElsewhereIsNeverFetched() {
        String clinic = clinicWithServer();
        Clinics.as(clinic).contentType("application/fhir+json").body(notification("heartbeat"))
                .post("/fhir/r4/subscription-hook").then().statusCode(200);
        Clinics.as(clinic).contentType("application/fhir+json").body("").post("/fhir/r4/subscription-hook")
                .then().statusCode(200);

        String elsewhere = BookingFixtures.uniqueId("sub-far");
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification",
                        "{\"fullUrl\": \"http://169.254.169.254/fhir/Appointment/" + elsewhere + "\"}"))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(422)
                .body("issue.expression.flatten()", hasItem("Bundle.entry[1].fullUrl"));
        // An id the clinic's server does not hold: it answers 404 and the notifying server is asked to retry.
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification", "{\"fullUrl\": \"Appointment/" + elsewhere + "\"}"))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(503);
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + elsewhere).then().statusCode(404);
        assertThat(held).isEmpty();
    }

    /** Ids relative to the clinic's server, as short as an entry can be: 1,000 fit the 64 KiB body limit. */
    private static String[] idOnlyEntries(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"fullUrl\": \"Appointment/many-" + i + "\"}")
                .toArray(String[]::new);
    }

    @Test
    void aBundleOfAThousandIdsIsRefusedBeforeAnyRead() {
        String clinic = clinicWithServer();

        long started = System.nanoTime();
        String diagnostics = Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification", idOnlyEntries(999)))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("too-costly"))
                .body("issue[0].expression", hasItem("Bundle.entry"))
                .extract()
                .path("issue[0].diagnostics");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(diagnostics).contains("1000 entries", "at most 100");
        assertThat(reads).hasValue(0);
        assertThat(tookMs).as("refused at once, not after reading").isLessThan(3_000);
    }

    /**
     * 5,000 entries do not fit the body limit: the edge refuses them before the Bundle is even read, with an
     * OperationOutcome a FHIR client can show.
     */
    @Test
    void aBundleOfFiveThousandIdsIsRefusedAtOnce() {
        String clinic = clinicWithServer();

        long started = System.nanoTime();
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification", idOnlyEntries(4_999)))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(413)
                .contentType("application/fhir+json")
                .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"))
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("too-costly"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(reads).hasValue(0);
        assertThat(tookMs).as("refused at once, not after reading").isLessThan(3_000);
    }

    @Test
    void anAppointmentWithMorePatientsThanTheCapIsRefusedBeforeTheReadOverIt() {
        String clinic = clinicWithServer();
        String id = BookingFixtures.uniqueId("sub-crowd");
        IntStream.range(0, 150).forEach(i -> held.put("Patient/crowd-" + i,
                FhirBundles.patientResource("crowd-" + i, "+46701234569", "sv")));
        String participants = IntStream.range(0, 150)
                .mapToObj(i -> "{\"actor\": {\"reference\": \"Patient/crowd-" + i + "\"}}")
                .collect(Collectors.joining(","));
        String appointment = "{\"resourceType\": \"Appointment\", \"id\": \"" + id
                + "\", \"status\": \"booked\", \"participant\": [" + participants + "]}";

        Clinics.as(clinic).contentType("application/fhir+json")
                .body(notification("event-notification", "{\"fullUrl\": \"urn:uuid:" + UUID.randomUUID()
                        + "\", \"resource\": " + appointment + "}"))
                .post("/fhir/r4/subscription-hook")
                .then()
                .statusCode(400)
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("too-costly"));
        assertThat(reads).hasValue(100);
    }
}
