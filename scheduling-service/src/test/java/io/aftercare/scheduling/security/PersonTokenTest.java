package io.aftercare.scheduling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TestPersonTokens;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A clinic's person acting through the console with a person token: sees their clinic's data as its API key does and
 * nothing of another's; only a clinic-admin changes the clinic's profile and keys (staff and API keys are refused);
 * tokens the console did not mint, or that expired, are refused; the audit trail names the person and their role.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class PersonTokenTest {

    private static final OffsetDateTime NEXT_WEEK = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)
            .truncatedTo(ChronoUnit.MINUTES);

    @Inject
    AuditTrail trail;

    @Test
    void aPersonReadsTheirClinicsBookingsAndNothingOfAnotherClinicAndTheTrailNamesThem() {
        String clinic = unique("tokens");
        String other = unique("elsewhere");
        String path = "/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("token");
        String othersPath = "/v1/clinics/" + other + "/bookings/" + BookingFixtures.uniqueId("token");
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked");
        Clinics.as(clinic).body(body).put(path).then().statusCode(201);
        Clinics.as(other).body(body).put(othersPath).then().statusCode(201);
        String nurse = UUID.randomUUID().toString();

        as(TestPersonTokens.of(nurse, clinic, "staff")).get(path).then().statusCode(200)
                .body("clinicId", equalTo(clinic)).body("treatmentType", equalTo("microneedling"));
        as(TestPersonTokens.of(nurse, clinic, "staff")).get(othersPath).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestPersonTokens.of(nurse, clinic, "staff")).get("/v1/clinics/" + other + "/reminders").then()
                .statusCode(403);

        assertThat(trail.page(clinic, null, 10)).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo(nurse);
            assertThat(line.role()).isEqualTo("staff");
            assertThat(line.clinicId()).isEqualTo(clinic);
            assertThat(line.action()).isEqualTo("GET");
            assertThat(line.resource()).isEqualTo(path);
            assertThat(line.status()).isEqualTo(200);
        });
        // The refused look at the other clinic's booking is on the trail too, under the person.
        assertThat(trail.page(clinic, null, 10)).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo(nurse);
            assertThat(line.resource()).isEqualTo(othersPath);
            assertThat(line.status()).isEqualTo(403);
        });
    }

    @Test
    void onlyTheClinicsAdminChangesItsProfileAndKeysNotItsStaffNorItsApiKey() {
        String clinic = unique("settings");
        String other = unique("not-mine");
        String admin = UUID.randomUUID().toString();
        TestPersonTokens staff = TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "staff");
        TestPersonTokens clinicAdmin = TestPersonTokens.of(admin, clinic, "clinic-admin");

        as(staff).body(Clinics.FULL_PROFILE).put("/v1/admin/clinics/" + clinic).then().statusCode(403)
                .contentType("application/problem+json");
        as(staff).post("/v1/clinics/" + clinic + "/credentials").then().statusCode(403)
                .contentType("application/problem+json");
        // A machine with the clinic's API key keeps what it had: no settings, no keys.
        Clinics.as(clinic).body(Clinics.FULL_PROFILE).put("/v1/admin/clinics/" + clinic).then().statusCode(403);
        Clinics.as(clinic).post("/v1/clinics/" + clinic + "/credentials").then().statusCode(403);
        Clinics.as(clinic).post("/v1/admin/clinics/" + clinic + "/credentials").then().statusCode(403);

        as(clinicAdmin).body(Clinics.FULL_PROFILE).put("/v1/admin/clinics/" + clinic).then().statusCode(201);
        as(clinicAdmin).get("/v1/admin/clinics/" + clinic).then().statusCode(200)
                .body("sendWindow.start", equalTo("09:00"));
        as(clinicAdmin).body(Clinics.FULL_PROFILE).put("/v1/admin/clinics/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        as(clinicAdmin).get("/v1/clinics/" + other + "/credentials").then().statusCode(404);
        // The operator's route to every clinic's keys is the operator's alone.
        as(clinicAdmin).post("/v1/admin/clinics/" + clinic + "/credentials").then().statusCode(403);
        String secret = as(clinicAdmin).post("/v1/clinics/" + clinic + "/credentials").then().statusCode(201)
                .extract().path("secret");
        given().auth().preemptive().basic(clinic, secret).get("/v1/clinics/" + clinic + "/session").then()
                .statusCode(204);
        // The operator keeps every clinic's settings.
        Clinics.operator().contentType(ContentType.JSON).body(Clinics.FULL_PROFILE)
                .put("/v1/admin/clinics/" + clinic).then().statusCode(200);

        // The clinic's audit trail is its admin's to read, not its staff's.
        as(staff).get("/v1/clinics/" + clinic + "/audit").then().statusCode(403);
        as(clinicAdmin).get("/v1/clinics/" + clinic + "/audit").then().statusCode(200);
        assertThat(trail.page(clinic, null, 20)).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo(admin);
            assertThat(line.role()).isEqualTo("clinic-admin");
            assertThat(line.clinicId()).isEqualTo(clinic);
            assertThat(line.action()).isEqualTo("PUT");
            assertThat(line.status()).isEqualTo(201);
        });
    }

    @Test
    void tokensTheConsoleDidNotMintOrThatExpiredAreRefused() {
        String clinic = unique("forged");
        String path = "/v1/clinics/" + clinic + "/session";
        TestPersonTokens good = TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "clinic-admin");
        as(good).get(path).then().statusCode(204);

        as(good.expiringIn(Duration.ofMinutes(-2))).get(path).then().statusCode(401);
        as(good.signedWithAnotherKey()).get(path).then().statusCode(401);
        as(good.issuedBy("someone-else")).get(path).then().statusCode(401);
        as(good.forAudience("another-product")).get(path).then().statusCode(401);
        // Longer-lived than the console ever mints: not accepted even with the right signature.
        as(good.expiringIn(Duration.ofHours(1))).get(path).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestPersonTokens.of(UUID.randomUUID().toString(), clinic,
                "operator").mint()).get(path).then().statusCode(401);
        // Basic beside bearer: the clinic's API key still works, and a browser without credentials is still asked
        // for Basic (the ops page's sign-in).
        Clinics.as(clinic).get(path).then().statusCode(204);
        given().get("/ops/").then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("basic"));
    }

    private static RequestSpecification as(TestPersonTokens token) {
        return given().header("Authorization", token.bearer()).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
