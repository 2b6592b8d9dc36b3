package io.aftercare.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.repository.Jdbc;
import io.aftercare.scheduling.repository.OpsQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ReminderCountsCompactionTest {

    @Inject
    ReminderCountsCompaction compaction;

    @Inject
    OpsQueries queries;

    @Inject
    Jdbc jdbc;

    @Test
    void aPeriodsWholeHoursAreSummedFromTheCountsItsFirstPartHourCountedLiveAndCompactionChangesNoFigure() {
        String clinic = "clinic-c-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        long planned = 0;
        for (int i = 0; i < 3; i++) {
            planned += Clinics.as(clinic).body(BookingFixtures.booking(start, start.plusMinutes(45), "booked"))
                    .put("/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("counted")).then()
                    .statusCode(201).extract().jsonPath().getList("reminders").size();
        }
        // As if planned at half past an hour five hours ago: the reminders and the counts their inserts wrote.
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
        update("UPDATE reminder SET created_at = :at WHERE clinic_id = :clinic", hour.plus(Duration.ofMinutes(30)),
                clinic);
        update("UPDATE reminder_created_count SET hour = :at WHERE clinic_id = :clinic", hour, clinic);
        assertThat(countRows(clinic)).as("a row per insert statement").isGreaterThanOrEqualTo(3);

        assertThat(planned(clinic, hour)).as("from the hour: its count").isEqualTo(planned).isPositive();
        assertThat(planned(clinic, hour.plus(Duration.ofMinutes(10)))).as("from within it: counted live")
                .isEqualTo(planned);
        assertThat(planned(clinic, hour.plus(Duration.ofMinutes(40)))).isZero();
        assertThat(planned(clinic, hour.plus(Duration.ofHours(1)))).isZero();

        String old = clinic + "-old";
        QuarkusTransaction.requiringNew().run(() -> jdbc.sql(
                "INSERT INTO reminder_created_count (clinic_id, hour, reminders) VALUES (:clinic, :hour, 5)")
                .set("clinic", old)
                .set("hour", hour.minus(Duration.ofDays(100)))
                .update());

        compaction.compact();

        assertThat(countRows(clinic)).as("one row for the closed hour").isEqualTo(1);
        assertThat(planned(clinic, hour)).isEqualTo(planned);
        assertThat(planned(clinic, hour.plus(Duration.ofMinutes(10)))).isEqualTo(planned);
        assertThat(countRows(old)).as("older than the overview's longest period").isZero();
    }

    private long planned(String clinic, Instant from) {
        return QuarkusTransaction.requiringNew().call(() -> queries.funnel(clinic, from).planned());
    }

    private void update(String sql, Instant at, String clinic) {
        QuarkusTransaction.requiringNew().run(() -> jdbc.sql(sql)
                .set("at", at)
                .set("clinic", clinic)
                .update());
    }

    private long countRows(String clinic) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.sql(
                "SELECT count(*) FROM reminder_created_count WHERE clinic_id = :clinic")
                .set("clinic", clinic)
                .number());
    }
}
