package io.aftercare.notification.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TestPersonTokens;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.TwilioRequests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A clinic's staff member acting through the console with a person token: reads their clinic's inbox and marks a
 * reply handled under their own id, sees nothing of another clinic's inbox; tokens the console did not mint, or that
 * expired, are refused; the audit trail names the person, their role and clinic.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class PersonTokenTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Inject
    Deliveries deliveries;

    @Inject
    AuditTrail trail;

    @Test
    void aStaffMemberReadsTheirClinicsInboxHandlesAReplyAndIsNamedOnTheTrail() {
        String clinic = "person-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "person-other-" + UUID.randomUUID().toString().substring(0, 8);
        String nurse = UUID.randomUUID().toString();
        TestPersonTokens staff = TestPersonTokens.of(nurse, clinic, "staff");
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic);
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(phone, "Does it itch for long?")).then()
                .statusCode(200);

        String inbox = "/v1/clinics/" + clinic + "/inbox";
        String replyId = await().atMost(BOUND).pollInSameThread().until(() -> replyOf(as(staff).get(inbox).then()
                .statusCode(200).extract().jsonPath().getList("items", Map.class), booking), Objects::nonNull);
        as(staff).get("/v1/clinics/" + other + "/inbox").then().statusCode(403)
                .contentType("application/problem+json");
        as(staff).post("/v1/clinics/" + other + "/inbox/" + replyId + "/handled").then().statusCode(403);

        as(staff).post(inbox + "/" + replyId + "/handled").then().statusCode(200)
                .body("state", equalTo("handled"))
                .body("handledBy", equalTo(nurse));

        assertThat(trail.page(clinic, null, 20)).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo(nurse);
            assertThat(line.role()).isEqualTo("staff");
            assertThat(line.clinicId()).isEqualTo(clinic);
            assertThat(line.action()).isEqualTo("GET");
            assertThat(line.resource()).isEqualTo(inbox);
        }).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo(nurse);
            assertThat(line.role()).isEqualTo("staff");
            assertThat(line.action()).isEqualTo("POST");
            assertThat(line.resource()).isEqualTo(inbox + "/" + replyId + "/handled");
            assertThat(line.status()).isEqualTo(200);
        });
    }

    @Test
    void tokensTheConsoleDidNotMintOrThatExpiredAreRefused() {
        String clinic = "person-forged-" + UUID.randomUUID().toString().substring(0, 8);
        String inbox = "/v1/clinics/" + clinic + "/inbox";
        TestPersonTokens good = TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "clinic-admin");
        as(good).get(inbox).then().statusCode(200);

        for (TestPersonTokens bad : List.of(good.expiringIn(Duration.ofMinutes(-2)), good.signedWithAnotherKey(),
                good.issuedBy("someone-else"), good.forAudience("another-product"))) {
            as(bad).get(inbox).then().statusCode(401);
        }
        given().header("Authorization", "Bearer " + "x".repeat(40)).get(inbox).then().statusCode(401);
    }

    private UUID textedBooking(String phone, String clinic) {
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinic, booking, "sun", "en");
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        return booking;
    }

    @SuppressWarnings("rawtypes")
    private static String replyOf(List<Map> items, UUID booking) {
        return items.stream().filter(item -> booking.toString().equals(item.get("bookingId")))
                .map(item -> (String) item.get("id")).findFirst().orElse(null);
    }

    private static RequestSpecification as(TestPersonTokens token) {
        return given().header("Authorization", token.bearer());
    }
}
