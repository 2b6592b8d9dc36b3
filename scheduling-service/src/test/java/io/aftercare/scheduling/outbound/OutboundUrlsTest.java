package io.aftercare.scheduling.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TestPersonTokens;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.ProductionOutboundAndSilentGuidance;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * URLs a clinic gives us, under production's outbound policy: refused when saved in every internal form, and refused
 * again when called if the name has come to point inward since (here a profile changed behind the API's back to
 * {@code localhost}, which resolves to 127.0.0.1 as a rebinding name would).
 */
@QuarkusTest
@TestProfile(ProductionOutboundAndSilentGuidance.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboundUrlsTest {

    @Inject
    StoredClinicProfiles stored;

    private static String profile(String webhookUrl, String fhirBaseUrl) {
        return """
                {"name": "Klinik Syd", "timeZone": "Europe/Stockholm", "locale": "sv", "phone": "+46812345678",
                 "webhooks": [{"url": "%s", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                               "events": ["reply.urgent"]}],
                 "fhirServer": {"baseUrl": "%s"}}
                """.formatted(webhookUrl, fhirBaseUrl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:8443", "https://127.0.0.1", "https://127.9.9.9:9000", "https://[::1]",
            "https://0.0.0.0", "https://[::]", "https://169.254.169.254/latest", "https://[fe80::1]",
            "https://10.0.0.8", "https://172.16.5.4", "https://192.168.1.10", "https://100.64.0.1",
            "https://[fd00::1]", "https://[fc00::2]", "https://224.0.0.1", "https://[ff02::1]",
            "https://[::ffff:127.0.0.1]", "https://[::ffff:169.254.169.254]", "https://2130706433",
            "https://0177.0.0.1", "https://0x7f000001", "https://0x7f.1", "https://127.1"})
    void everyInternalAddressFormIsRefusedWhenSaved(String url) {
        String clinic = "clinic-out-" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath problem = Clinics.operator().contentType("application/json")
                .body(profile(url + "/hooks", url + "/fhir"))
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("webhooks[0].url"))
                .body("errors.field", hasItem("fhirServer.baseUrl"))
                .extract()
                .jsonPath();
        assertThat(problem.getList("errors.message", String.class)).isNotEmpty()
                .anySatisfy(message -> assertThat(message).matches(
                        "must not (be|name a host that resolves to) an? .* address|must name a host"
                                + "|must write an IPv4 address as four decimal numbers.*"));
        Clinics.operator().get("/v1/admin/clinics/" + clinic).then().statusCode(404);
    }

    /** The clinic admin's own way to add an endpoint (the console's settings page) keeps the same refusal. */
    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest", "https://127.0.0.1", "https://10.0.0.8",
            "https://0x7f000001"})
    void anInternalEndpointAddedByTheClinicAdminIsRefused(String url) {
        String clinic = "clinic-out-" + UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().contentType("application/json")
                .body(profile("https://ehr.clinicasol.es/hooks", "https://ehr.clinicasol.es/fhir"))
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);
        String admin = "Bearer " + TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "clinic-admin").mint();

        given().header("Authorization", admin).contentType("application/json")
                .body("{\"url\": \"" + url + "/hooks\", \"events\": [\"patient.replied\"]}")
                .post("/v1/clinics/" + clinic + "/profile/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        Clinics.operator().get("/v1/admin/clinics/" + clinic).then().statusCode(200).body("webhooks", hasSize(1));
    }

    @Test
    void plainHttpIsRefusedInProduction() {
        Clinics.operator().contentType("application/json")
                .body(profile("http://ehr.clinicasol.es/hooks", "http://ehr.clinicasol.es/fhir"))
                .put("/v1/admin/clinics/clinic-out-http")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'webhooks[0].url' }.message", equalTo("must be an https URL"))
                .body("errors.find { it.field == 'fhirServer.baseUrl' }.message", equalTo("must be an https URL"));
    }

    @Test
    void aServerWhoseNameNowResolvesToLoopbackIsRefusedAtConnectTime() throws IOException {
        String clinic = "clinic-out-" + UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().contentType("application/json")
                .body(profile("https://ehr.clinicasol.es/hooks", "https://ehr.clinicasol.es/fhir"))
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            stored.fhirServerAt(clinic, "https://localhost:" + server.getLocalPort() + "/fhir");

            String diagnostics = Clinics.as(clinic).contentType("application/fhir+json")
                    .body("""
                            {"resourceType": "Bundle", "type": "history", "entry": [
                              {"resource": {"resourceType": "Parameters", "parameter": [
                                {"name": "type", "valueCode": "event-notification"}]}},
                              {"fullUrl": "Appointment/out-1"}]}
                            """)
                    .post("/fhir/r4/subscription-hook")
                    .then()
                    .statusCode(503)
                    .contentType("application/fhir+json")
                    .extract()
                    .path("issue[0].diagnostics");

            assertThat(diagnostics).contains("refused: the address is not allowed for outbound calls")
                    .doesNotContain("127.0.0.1", "localhost", String.valueOf(server.getLocalPort()),
                            "Exception");
            assertThat(connections).hasValue(0);
        }
    }
}
