package io.aftercare.scheduling.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.repository.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who read a patient's booking or changed anything, when and from where: recorded after each answer, readable by the
 * clinic for its own records and by the operator for all, and impossible to edit or delete but by the retention.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class AuditTrailTest {

    private static final OffsetDateTime NEXT_WEEK = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)
            .truncatedTo(ChronoUnit.MINUTES);

    @Inject
    Jdbc jdbc;

    @Inject
    AuditTrail trail;

    @Test
    void readsAndChangesOfABookingAreRecordedWithWhoWhatAndWhereAndOnlyItsClinicReadsThem() {
        String clinic = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "prying-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("audit");
        Clinics.as(clinic).header("X-Forwarded-For", "198.51.100.7")
                .body(BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked")).put(path)
                .then().statusCode(201);
        Clinics.as(clinic).header("X-Forwarded-For", "198.51.100.7").get(path).then().statusCode(200);
        Clinics.as(other).get(path).then().statusCode(403);

        List<Map<String, Object>> lines = Clinics.as(clinic).get("/v1/clinics/" + clinic + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(lines).extracting(l -> l.get("actor") + " " + l.get("action") + " " + l.get("status"))
                .containsExactly(other + " GET 403", clinic + " GET 200", clinic + " PUT 201", "operator POST 201");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("clinicId")).isEqualTo(clinic));
        assertThat(lines.subList(0, 3)).allSatisfy(l -> assertThat(l.get("resource")).isEqualTo(path));
        // The key the operator issued to the clinic is a change to its records too.
        assertThat(lines.get(3)).containsEntry("role", "operator")
                .containsEntry("resource", "/v1/admin/clinics/" + clinic + "/credentials");
        assertThat(lines.get(1)).containsEntry("role", "clinic").containsEntry("source", "198.51.100.7");
        assertThat(Instant.parse((String) lines.get(1).get("at"))).isAfter(Instant.now().minusSeconds(60));

        // Another clinic cannot read it; the operator can, and pages through it.
        Clinics.as(other).get("/v1/clinics/" + clinic + "/audit").then().statusCode(403);
        var first = Clinics.operator().queryParam("clinicId", clinic).queryParam("limit", 2).get("/v1/ops/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        var second = Clinics.operator().queryParam("clinicId", clinic).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/v1/ops/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.action")).containsExactly("PUT", "POST");
        assertThat(second.getString("nextCursor")).isNull();
        Clinics.operator().queryParam("limit", 0).get("/v1/ops/audit").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theTrailCannotBeEditedOrDeletedButOldLinesGoWithTheRetention() {
        String clinic = "retained-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> jdbc.sql("""
                INSERT INTO audit_event (at, actor, role, clinic_id, action, resource, status, source)
                VALUES (now() - interval '500 days', :clinic, 'clinic', :clinic, 'GET', '/old', 200, null),
                       (now(), :clinic, 'clinic', :clinic, 'GET', '/new', 200, null)
                """).set("clinic", clinic).update());

        for (String change : List.of("UPDATE audit_event SET actor = 'someone-else' WHERE clinic_id = :clinic",
                "DELETE FROM audit_event WHERE clinic_id = :clinic")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> jdbc
                    .sql(change).set("clinic", clinic).update()))
                    .hasStackTraceContaining("append-only");
        }

        assertThat(trail.pruneNow()).isPositive();
        assertThat(Clinics.operator().queryParam("clinicId", clinic).get("/v1/ops/audit").jsonPath()
                .getList("items.resource")).containsExactly("/new");
    }

    @Test
    void signedOutAndOrdinaryReadsAreNotRecorded() {
        String clinic = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/session").then().statusCode(204);
        given().get("/v1/clinics/" + clinic + "/bookings/nobody").then().statusCode(401);
        // Only the issuing of its key: a session check names no patient, an anonymous call is nobody.
        assertThat(Clinics.as(clinic).get("/v1/clinics/" + clinic + "/audit").jsonPath().getList("items.action"))
                .containsExactly("POST");
    }
}
