package io.aftercare.scheduling.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.service.RetentionJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The ops page's inbox counts follow notification's events on the real broker, as notification publishes them: a
 * reply counts as open (and urgent, when it is) until it is handled; a redelivered event changes nothing; a handling
 * read before its reply still leaves the reply uncounted; a clinic's counts are its own.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxCountsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    RetentionJob retention;

    @Inject
    Clock clock;

    @Inject
    InboxReplyRepository inbox;

    @Inject
    Jdbc jdbc;

    @Test
    void repliesCountAsOpenUntilHandledAndRedeliveriesChangeNothing() {
        String clinic = clinic();
        PatientReplied urgent = reply(clinic, true, clock.instant());
        PatientReplied ordinary = reply(clinic, false, clock.instant());
        PatientReplied elsewhere = reply(clinic(), true, clock.instant());

        replied(urgent);
        replied(ordinary);
        replied(elsewhere);
        replied(urgent);
        awaitCounts(clinic, 2, 1);

        handled(urgent);
        handled(urgent);
        awaitCounts(clinic, 1, 0);
        // A reply delivered again after it was handled stays handled: the marker, of the same booking and so behind
        // it on the partition, is counted after it was read.
        replied(urgent);
        PatientReplied marker = new PatientReplied(UUID.randomUUID(), clinic, urgent.bookingId(), "ext", "en", null,
                false, null, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        replied(marker);
        awaitCounts(clinic, 2, 0);
        handled(ordinary);
        handled(marker);
        awaitCounts(clinic, 0, 0);
        awaitCounts(elsewhere.clinicId(), 1, 1);
        assertThat(counts(null).open()).isGreaterThanOrEqualTo(1);
    }

    /** replies-handled and patient-replies are two topics: nothing orders one's events with the other's. */
    @Test
    void aHandlingReadBeforeItsReplyLeavesTheReplyUncounted() {
        String clinic = clinic();
        PatientReplied early = reply(clinic, true, clock.instant());
        PatientReplied marker = reply(clinic, false, clock.instant());

        handled(early);
        await().atMost(BOUND).pollInSameThread().until(() -> known(early.replyId()));
        replied(early);
        replied(marker);

        awaitCounts(clinic, 1, 0);
    }

    @Test
    void aReplyIsCountedNoLongerThanNotificationKeepsIt() {
        String clinic = clinic();
        replied(reply(clinic, true, clock.instant().minus(91, ChronoUnit.DAYS)));
        replied(reply(clinic, false, clock.instant()));
        awaitCounts(clinic, 2, 1);

        retention.prune();

        assertThat(counts(clinic)).isEqualTo(new InboxReplyRepository.Counts(1, 0));
    }

    private void awaitCounts(String clinic, long open, long urgent) {
        await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath overview = Clinics.operator().get("/v1/ops/overview?clinicId=" + clinic).then().statusCode(200)
                    .extract().jsonPath();
            return overview.getLong("inbox.open") == open && overview.getLong("inbox.urgent") == urgent;
        });
    }

    private InboxReplyRepository.Counts counts(String clinic) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.open(clinic));
    }

    private boolean known(UUID replyId) {
        return QuarkusTransaction.requiringNew().call(() -> !jdbc
                .sql("SELECT 1 FROM inbox_reply WHERE reply_id = :id")
                .set("id", replyId)
                .list(rows -> rows.getInt(1))
                .isEmpty());
    }

    private static String clinic() {
        return "clinic-i-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PatientReplied reply(String clinic, boolean urgent, Instant at) {
        return new PatientReplied(UUID.randomUUID(), clinic, UUID.randomUUID(), "ext", "en", urgent ? 4 : null,
                urgent, urgent ? "check-in answer 4 of 5" : null, at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** As notification publishes it: keyed by booking, the reply's id as the event id. */
    private void replied(PatientReplied reply) {
        send("patient-replies", reply.bookingId().toString(), reply.replyId().toString(), PatientReplied.TYPE, reply);
    }

    private void handled(PatientReplied reply) {
        PatientReplyHandled handled = new PatientReplyHandled(reply.replyId(), reply.clinicId(), reply.bookingId(),
                reply.urgent(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        send("replies-handled", reply.bookingId().toString(), reply.replyId() + ":handled", PatientReplyHandled.TYPE,
                handled);
    }

    private void send(String topic, String key, String id, String type, Object event) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send(topic, key, id, type, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
