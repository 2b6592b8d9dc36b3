package io.aftercare.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TestPersonTokens;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A clinic's people at scheduling's settings endpoints, with the console's person tokens: its admin writes the
 * settings, adds and rotates webhook endpoints (each secret answered once) and issues and revokes keys; its staff and
 * another clinic's admin may do none of it, and every field is judged as the operator's are.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicSettingsAsPersonTest {

    private static final String SETTINGS = """
            {"name": "Clínica Sol", "timeZone": "Europe/Madrid", "locale": "es", "phone": "+34912345678",
             "sendWindow": {"start": "10:00", "end": "19:00"}, "alertEmail": "enfermeria@example.es",
             "helpTexts": {"es": "Clinica Sol: llamanos al +34912345678."}}
            """;

    @Test
    void theClinicsAdminChangesItsSettingsWebhooksAndKeys() {
        String clinic = newClinic();
        String base = "/v1/clinics/" + clinic;

        as(clinic, "clinic-admin").body(SETTINGS).put(base + "/profile").then().statusCode(201)
                .body("sendWindow.start", equalTo("10:00"));
        as(clinic, "clinic-admin").body(SETTINGS.replace("10:00", "08:30")).put(base + "/profile").then()
                .statusCode(200).body("version", equalTo(2));
        String secret = as(clinic, "clinic-admin")
                .body("{\"url\": \"https://ehr.example.org/hooks\", \"events\": [\"reply.urgent\"]}")
                .post(base + "/profile/webhooks")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .extract().path("secret");
        String id = Clinics.as(clinic).get(base + "/profile").then().statusCode(200)
                .body("webhooks[0].url", equalTo("https://ehr.example.org/hooks"))
                .body("sendWindow.start", equalTo("08:30"))
                .extract().path("webhooks[0].id");
        as(clinic, "clinic-admin").post(base + "/profile/webhooks/" + id + "/secret").then().statusCode(200)
                .body("secret", not(equalTo(secret)));
        // A later change of the settings keeps the endpoint.
        as(clinic, "clinic-admin").body(SETTINGS).put(base + "/profile").then().statusCode(200)
                .body("webhooks[0].id", equalTo(id));

        String key = as(clinic, "clinic-admin").post(base + "/credentials").then().statusCode(201)
                .extract().path("secret");
        String keyId = key.split("_")[1];
        given().auth().preemptive().basic(clinic, key).get(base + "/profile").then().statusCode(200);
        as(clinic, "clinic-admin").get(base + "/credentials").then().statusCode(200)
                .body("keyId", hasItems(keyId));
        as(clinic, "clinic-admin").delete(base + "/credentials/" + keyId).then().statusCode(204);
        given().auth().preemptive().basic(clinic, key).get(base + "/profile").then().statusCode(401);
    }

    @Test
    void staffAnotherClinicsAdminAndBadFieldsAreRefused() {
        String clinic = newClinic();
        String base = "/v1/clinics/" + clinic;
        as(clinic, "clinic-admin").body(SETTINGS).put(base + "/profile").then().statusCode(201);
        String otherKey = Clinics.issueKey(newClinic()).split("_")[1];

        as(clinic, "staff").body(SETTINGS).put(base + "/profile").then().statusCode(403);
        as(clinic, "staff").body("{\"url\": \"https://evil.example.org/h\", \"events\": [\"patient.replied\"]}")
                .post(base + "/profile/webhooks").then().statusCode(403);
        as(clinic, "staff").post(base + "/credentials").then().statusCode(403);
        String other = newClinic();
        as(other, "clinic-admin").body(SETTINGS).put(base + "/profile").then().statusCode(404);
        as(other, "clinic-admin").post(base + "/credentials").then().statusCode(404);
        // Another clinic's key id is not one of this clinic's.
        as(clinic, "clinic-admin").delete(base + "/credentials/" + otherKey).then().statusCode(404);

        as(clinic, "clinic-admin").body(SETTINGS.replace("+34912345678\",", "0912345678\",")
                .replace("\"19:00\"", "\"07:00\"")).put(base + "/profile")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("phone", "sendWindow.endAfterStart"));
        as(clinic, "clinic-admin").body(SETTINGS.replace("\"helpTexts\"", "\"webhooks\": [], \"helpTexts\""))
                .put(base + "/profile")
                .then().statusCode(400).body("errors[0].field", equalTo("webhooks"));
        Clinics.as(clinic).get(base + "/profile").then().statusCode(200).body("version", equalTo(1));
    }

    private static RequestSpecification as(String clinic, String role) {
        return given().header("Authorization",
                "Bearer " + TestPersonTokens.of(UUID.randomUUID().toString(), clinic, role).mint())
                .contentType(ContentType.JSON);
    }

    private static String newClinic() {
        return "clinic-sp-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
