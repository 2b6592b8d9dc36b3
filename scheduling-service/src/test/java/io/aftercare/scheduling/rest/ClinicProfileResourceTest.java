package io.aftercare.scheduling.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicProfileResourceTest {

    private static final String PROFILE = """
            {"name": "Clínica Norte", "timeZone": "Europe/Stockholm", "locale": "sv", "phone": "+46812345678"}
            """;

    @Test
    void theWholeProfileIsKeptAndTheWebhookSecretIsNeverAnswered() {
        String clinic = "clinic-pf-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = "/v1/admin/clinics/" + clinic;

        String answer = Clinics.operator().contentType(ContentType.JSON).body(Clinics.FULL_PROFILE).put(admin)
                .then()
                .statusCode(201)
                .body("sendWindow.start", equalTo("09:00"))
                .body("sendWindow.end", equalTo("20:30"))
                .body("sms.messagesPerSecond", equalTo(10))
                .body("consentBasis", equalTo("healthcare-exemption"))
                .body("helpTexts.es", equalTo("Clinica Sol: llamanos al +34912345678."))
                .body("webhooks[0].id", org.hamcrest.Matchers.startsWith("ep_"))
                .body("webhooks[0].events", hasItems("delivery.failed", "reply.urgent"))
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(answer).doesNotContain("whsec_");
        Clinics.operator().contentType(ContentType.JSON).body(Clinics.FULL_PROFILE).put(admin)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/profile")
                .then()
                .statusCode(200)
                .body("alertEmail", equalTo("enfermeria@clinicasol.es"))
                .body("webhooks[0].url", equalTo("https://ehr.clinicasol.es/hooks"))
                .body("webhooks[0].secret", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theOperatorWritesAProfileAndTheClinicReadsItsOwn() {
        String clinic = "clinic-p-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = "/v1/admin/clinics/" + clinic;

        Clinics.operator().contentType(ContentType.JSON).body(PROFILE).put(admin)
                .then()
                .statusCode(201)
                .body("clinicId", equalTo(clinic))
                .body("timeZone", equalTo("Europe/Stockholm"))
                .body("version", equalTo(1));
        // The same again changes nothing; a change is a new version.
        Clinics.operator().contentType(ContentType.JSON).body(PROFILE).put(admin)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        Clinics.operator().contentType(ContentType.JSON).body(PROFILE.replace("+46812345678", "+46812345679"))
                .put(admin)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));

        Clinics.operator().get(admin).then().statusCode(200).body("phone", equalTo("+46812345679"));
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/profile")
                .then()
                .statusCode(200)
                .body("name", equalTo("Clínica Norte"))
                .body("locale", equalTo("sv"));
        Clinics.as("clinic-other").get("/v1/clinics/" + clinic + "/profile").then().statusCode(403);
        Clinics.as(clinic).contentType(ContentType.JSON).body(PROFILE).put(admin).then().statusCode(403);
        io.restassured.RestAssured.given().get(admin).then().statusCode(401);
    }

    @Test
    void aClinicWithoutAProfileIsNotFound() {
        String clinic = "clinic-np-" + UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().get("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/profile").then().statusCode(404);
    }

    @Test
    void badProfilesAreRefusedFieldByFieldAndNothingIsStored() {
        String clinic = "clinic-pb-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = "/v1/admin/clinics/" + clinic;

        Clinics.operator().contentType(ContentType.JSON)
                .body("""
                        {"name": " ", "timeZone": "+02:00", "locale": "swedish", "phone": "0812345678"}
                        """)
                .put(admin)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "timeZone", "locale", "phone"));
        // No coercion: a number is not a name.
        Clinics.operator().contentType(ContentType.JSON).body(PROFILE.replace("\"Clínica Norte\"", "5")).put(admin)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        Clinics.operator().contentType(ContentType.JSON).body(PROFILE.replace("Europe/Stockholm", "Mars/Olympus"))
                .put(admin)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("timeZone"));
        Clinics.operator().contentType(ContentType.JSON).body("").put(admin).then().statusCode(400);
        // A basis of consent we do not know and a number sent as text: each refused by its name.
        Clinics.operator().contentType(ContentType.JSON)
                .body(Clinics.FULL_PROFILE.replace("healthcare-exemption", "implied"))
                .put(admin)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("consentBasis"));
        Clinics.operator().contentType(ContentType.JSON)
                .body(Clinics.FULL_PROFILE.replace("\"messagesPerSecond\": 10", "\"messagesPerSecond\": \"10\""))
                .put(admin)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("sms.messagesPerSecond"));
        Clinics.operator().contentType(ContentType.JSON)
                .body(Clinics.FULL_PROFILE.replace("\"20:30\"", "\"08:00\"")
                        .replace("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "hunter2")
                        .replace("\"reply.urgent\"", "\"reply.anything\"")
                        .replace("\"es\": \"Clinica", "\"spanish\": \"Clinica"))
                .put(admin)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("sendWindow.endAfterStart", "webhooks[0].secret",
                        "webhooks[0].events[1]", "helpTexts[spanish]"));

        Clinics.operator().get(admin).then().statusCode(404);
    }
}
