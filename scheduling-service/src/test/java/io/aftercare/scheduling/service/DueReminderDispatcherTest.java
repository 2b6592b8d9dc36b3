package io.aftercare.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.TestClock;
import io.aftercare.scheduling.repository.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class DueReminderDispatcherTest {

    private static final Duration DISPATCH_BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPassword;

    @Inject
    DueReminderDispatcher dispatcher;

    @Inject
    Jdbc jdbc;

    @Inject
    TestClock clock;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void aReminderWaitsForItsDueTimeOnTheServicesClockAndGoesWhenItComes() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("later");
        JsonPath booking = put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked"), 201);
        String bookingId = booking.getString("id");

        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            assertThat(topic.readFor(record -> bookingId.equals(record.key()), Duration.ofSeconds(2))).isEmpty();
            assertThat(Clinics.as("clinic-a").get(path).jsonPath()
                    .getString("reminders.find { it.ruleKey == 'leaving' }.state")).isEqualTo("planned");

            clock.advance(Duration.ofMinutes(31));

            List<ConsumerRecord<String, String>> due = topic.read(record -> bookingId.equals(record.key()), 1,
                    DISPATCH_BOUND);
            assertThat(due).hasSize(1);
            assertThat(JsonPath.from(due.get(0).value()).getString("ruleKey")).isEqualTo("leaving");
        }
        // The next moment, hours later on the same clock, is still waiting.
        assertThat(Clinics.as("clinic-a").get(path).jsonPath().getList("reminders.findAll { it.state == 'planned' }"))
                .isNotEmpty();
    }

    @Test
    void aDueReminderIsPublishedAsABinaryCloudEventAndMarkedDispatched() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("due-now");
        JsonPath booking = put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked"), 201);
        String bookingId = booking.getString("id");
        String reminderId = booking.getString("reminders.find { it.ruleKey == 'leaving' }.id");

        List<ConsumerRecord<String, String>> events;
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            events = topic.read(record -> bookingId.equals(record.key()), 1, DISPATCH_BOUND);
        }

        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(header(event, "ce_id")).isEqualTo(reminderId);
        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_type")).isEqualTo("io.aftercare.reminder.due.v1");
        // OpenTelemetry's context travels with the record, so a consumer's span joins the producer's trace.
        assertThat(header(event, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("reminderId")).isEqualTo(reminderId);
        assertThat(data.getString("clinicId")).isEqualTo("clinic-a");
        assertThat(data.getString("ruleKey")).isEqualTo("leaving");
        assertThat(data.getInt("protocolVersion")).isGreaterThanOrEqualTo(1);
        assertThat(data.getString("recipient.phone")).isEqualTo("+34612345678");
        assertThat(data.getString("messages.sms")).startsWith("Hola Ana,");
        assertThat(data.getString("messages.email.subject")).isNotBlank();
        assertThat(data.getString("expiresAt")).isNotBlank();
        assertThat(data.getList("channels")).containsExactly("sms", "email");
    }

    @Test
    void aCancelledBookingPublishesNothing() {
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("cancelled");
        String bookingId = put(path, BookingFixtures.booking(soon.minusMinutes(45), soon, "booked"), 201)
                .getString("id");
        JsonPath cancelled = put(path, BookingFixtures.booking(soon.minusMinutes(45), soon, "cancelled"), 200);

        assertThat(cancelled.getList("reminders.state")).containsOnly("revoked");
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            assertThat(topic.readFor(record -> bookingId.equals(record.key()), Duration.ofSeconds(5))).isEmpty();
        }
    }

    @Test
    void aTreatmentPostedThreeDaysLateSendsNothingPastItsValidity() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("late");
        JsonPath booking = put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked"), 201);
        String bookingId = booking.getString("id");
        List<java.util.Map<String, Object>> reminders = booking.getList("reminders");
        long stillValid = reminders.stream().filter(r -> !"expired".equals(r.get("state"))).count();

        OffsetDateTime posted = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(reminders).filteredOn(r -> "leaving".equals(r.get("ruleKey")))
                .allSatisfy(r -> assertThat(r.get("state")).isEqualTo("expired"));
        // Everything whose validity had passed is recorded expired; what is still worth sending stays planned.
        assertThat(reminders).filteredOn(r -> !OffsetDateTime.parse((String) r.get("expiresAt")).isAfter(posted))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("state")).isEqualTo("expired"));
        assertThat(reminders).filteredOn(r -> "planned".equals(r.get("state")))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(OffsetDateTime.parse((String) r.get("expiresAt"))).isAfter(posted));
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            List<ConsumerRecord<String, String>> sent = topic.readFor(record -> bookingId.equals(record.key()),
                    Duration.ofSeconds(4));
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            assertThat(sent).allSatisfy(record -> assertThat(
                    OffsetDateTime.parse(JsonPath.from(record.value()).getString("expiresAt"))).isAfter(now));
            assertThat(sent.size()).isLessThanOrEqualTo((int) stillValid);
        }
    }

    @Test
    void tenThousandDueRemindersClaimedByTwoDispatchersAtOnceArePublishedExactlyOnce() throws Exception {
        UUID bookingId = insertBookingWithDueReminders(10_000);
        AtomicInteger claimed = new AtomicInteger();

        List<CompletableFuture<Void>> dispatchers = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
            int batch;
            do {
                batch = dispatcher.dispatchBatch();
                claimed.addAndGet(batch);
            } while (batch > 0);
        })).toList();
        CompletableFuture.allOf(dispatchers.toArray(CompletableFuture[]::new)).join();

        List<ConsumerRecord<String, String>> events;
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            events = topic.read(record -> bookingId.toString().equals(record.key()), 10_000, Duration.ofSeconds(30));
            // Anything after the ten thousandth would be a duplicate.
            assertThat(topic.readFor(record -> bookingId.toString().equals(record.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
        Set<String> ids = new HashSet<>();
        events.forEach(record -> ids.add(header(record, "ce_id")));
        assertThat(events).hasSize(10_000);
        assertThat(ids).hasSize(10_000);
        assertThat(claimed.get()).isLessThanOrEqualTo(10_000);
        assertThat(QuarkusTransaction.requiringNew().call(() -> jdbc.sql(
                "SELECT count(*) FROM reminder WHERE booking_id = :id AND state = 'DISPATCHED'")
                .set("id", bookingId)
                .number())).isEqualTo(10_000L);
    }

    @Test
    void aBatchLeasedByADispatcherThatDiedIsPublishedAgainWithTheSameEventIdOnceTheLeaseRunsOut() {
        // As a dispatcher leaves its batch when killed after claiming and before marking: planned, leased a while.
        UUID bookingId = insertBookingWithDueReminders(3, 4);
        List<String> reminderIds = QuarkusTransaction.requiringNew().call(() -> jdbc.sql(
                "SELECT CAST(id AS text) FROM reminder WHERE booking_id = :id")
                .set("id", bookingId)
                .list(rows -> rows.getString(1)));

        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            assertThat(topic.readFor(record -> bookingId.toString().equals(record.key()), Duration.ofSeconds(2)))
                    .as("nothing is published while another dispatcher's lease holds")
                    .isEmpty();
            List<ConsumerRecord<String, String>> events = topic.read(
                    record -> bookingId.toString().equals(record.key()), 3, DISPATCH_BOUND);
            assertThat(events).extracting(record -> header(record, "ce_id"))
                    .containsExactlyInAnyOrderElementsOf(reminderIds);
            assertThat(topic.readFor(record -> bookingId.toString().equals(record.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> jdbc.sql(
                "SELECT count(*) FROM reminder WHERE booking_id = :id AND state = 'DISPATCHED' AND claimed_until IS NULL")
                .set("id", bookingId)
                .number())).isEqualTo(3L);
    }

    @Test
    void anInstanceStartingAgainTakesBackItsOwnClaimsAtOnceAndNotThoseOfAnotherLiveInstance() throws Exception {
        // scheduling-2 is alive (connected under its name) and publishing its batch right now.
        try (Connection scheduling2 = connectedAs("scheduling-2");
                TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            // This instance (the test profile's scheduling-1) claimed a batch for 60 s and was killed before marking.
            UUID mine = insertBookingWithDueReminders(UUID.randomUUID(), 2, 60, "scheduling-1");
            UUID theirs = insertBookingWithDueReminders(UUID.randomUUID(), 2, 60, "scheduling-2");
            assertThat(topic.readFor(record -> mine.toString().equals(record.key()), Duration.ofSeconds(2)))
                    .as("its own lease holds while this instance is connected, until it starts again").isEmpty();

            dispatcher.resumeOwnClaims();

            assertThat(topic.read(record -> mine.toString().equals(record.key()), 2, Duration.ofSeconds(5)))
                    .hasSize(2);
            assertThat(topic.readFor(record -> theirs.toString().equals(record.key()), Duration.ofSeconds(2)))
                    .as("a live instance's claims are its own").isEmpty();
            assertThat(stateOf(theirs)).containsOnly("PLANNED");
        }
    }

    @Test
    void theClaimsOfAnInstanceThatIsGoneAreTakenOverAtOnceNotWhenTheirLeaseEnds() {
        UUID bookingId;
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            // scheduling-7 claimed these for 60 s and died: it has no connection to the database left.
            bookingId = insertBookingWithDueReminders(UUID.randomUUID(), 3, 60, "scheduling-7");

            assertThat(topic.read(record -> bookingId.toString().equals(record.key()), 3, Duration.ofSeconds(5)))
                    .hasSize(3);
        }
        // Marked by the instance that took them over, which the column now names.
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> jdbc.sql("SELECT count(*) FROM reminder WHERE booking_id = :id"
                        + " AND state = 'DISPATCHED' AND claimed_by = 'scheduling-1'")
                        .set("id", bookingId)
                        .number())
                .equals(3L));
    }

    /** A connection to this service's database under another instance's name, as that instance's pool holds them. */
    private Connection connectedAs(String instance) throws SQLException {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        return DriverManager.getConnection(jdbcUrl + separator + "ApplicationName=" + instance, dbUser,
                dbPassword.orElse(""));
    }

    @Test
    void aBatchWhoseMarkingFailedIsMarkedOnceTheDatabaseAnswersAndNotPublishedAgain() {
        // PostgreSQL itself refuses to mark this booking's reminders, as a database that went away would fail the mark.
        String trigger = "refuse_marking_" + UUID.randomUUID().toString().replace("-", "");
        UUID bookingId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'the database is away'; END $$").update();
            jdbc.sql("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON reminder FOR EACH ROW"
                    + " WHEN (NEW.state = 'DISPATCHED' AND NEW.booking_id = '" + bookingId + "')"
                    + " EXECUTE FUNCTION " + trigger + "()").update();
        });
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            insertBookingWithDueReminders(bookingId, 2, 0);
            assertThat(topic.read(record -> bookingId.toString().equals(record.key()), 2, DISPATCH_BOUND)).hasSize(2);
            assertThat(stateOf(bookingId)).as("published, but not marked").containsOnly("PLANNED");

            QuarkusTransaction.requiringNew().run(() -> {
                jdbc.sql("DROP TRIGGER " + trigger + " ON reminder").update();
                jdbc.sql("DROP FUNCTION " + trigger + "()").update();
            });
            // Well within the 20 s lease, after which the batch would be published again.
            await().atMost(Duration.ofSeconds(8)).pollInSameThread().until(
                    () -> stateOf(bookingId).equals(List.of("DISPATCHED", "DISPATCHED")));
            assertThat(topic.readFor(record -> bookingId.toString().equals(record.key()), Duration.ofSeconds(2)))
                    .as("not published again")
                    .isEmpty();
        }
    }

    private List<String> stateOf(UUID bookingId) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.sql(
                "SELECT state FROM reminder WHERE booking_id = :id ORDER BY occurrence")
                .set("id", bookingId)
                .list(rows -> rows.getString(1)));
    }

    private UUID insertBookingWithDueReminders(int count) {
        return insertBookingWithDueReminders(count, 0);
    }

    private UUID insertBookingWithDueReminders(int count, int leasedForSeconds) {
        return insertBookingWithDueReminders(UUID.randomUUID(), count, leasedForSeconds);
    }

    private UUID insertBookingWithDueReminders(UUID bookingId, int count, int leasedForSeconds) {
        return insertBookingWithDueReminders(bookingId, count, leasedForSeconds, null);
    }

    /** @param claimedBy the instance that holds the lease, or null for one claimed before claims named their owner */
    private UUID insertBookingWithDueReminders(UUID bookingId, int count, int leasedForSeconds, String claimedBy) {
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.sql("""
                    INSERT INTO booking (id, clinic_id, external_id, first_name, phone, locale, time_zone,
                        preferred_channel, sms_consent, email_consent, treatment_type, treatment_start, treatment_end,
                        status, plan_state, protocol_version, created_at, updated_at)
                    VALUES (:id, 'clinic-bulk', :ext, 'Ana', '+34612345678', 'en', 'Europe/Madrid', 'SMS', true, false,
                        'microneedling', now() - interval '2 hours', now() - interval '1 hour', 'BOOKED', 'PLANNED', 1,
                        now(), now())
                    """).set("id", bookingId).set("ext", "bulk-" + bookingId).update();
            jdbc.sql("""
                    INSERT INTO reminder (id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category,
                        priority, channels, locale, due_at, expires_at, sms_text, state, created_at, claimed_until,
                        claimed_by)
                    SELECT gen_random_uuid(), :id, 'clinic-bulk', 'bulk', g, 1, 'expectations', 'NORMAL', 'sms', 'en',
                        now() - (g % 60) * interval '1 second', now() + interval '1 hour', 'Hi Ana', 'PLANNED', now(),
                        CASE WHEN :lease > 0 THEN now() + :lease * interval '1 second' END, NULLIF(:owner, '')
                    FROM generate_series(0, :last) g
                    """).set("id", bookingId).set("last", count - 1)
                    .set("lease", leasedForSeconds).set("owner", claimedBy == null ? "" : claimedBy)
                    .update();
        });
        return bookingId;
    }

    private static JsonPath put(String path, String body, int status) {
        return Clinics.as("clinic-a").body(body).put(path).then().statusCode(status).extract().jsonPath();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
