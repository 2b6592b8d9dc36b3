package io.aftercare.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.repository.Jdbc;
import io.aftercare.scheduling.repository.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Inject
    ProcessedEvents processed;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Test
    void idsPastTheirRetentionArePrunedInBatchesAndRecentOnesStay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        // More old ids than one batch (the test profile prunes 10 at a time), so the job has to loop.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 25; i++) {
                processed.firstTime(run + "-old-" + i, now.minus(Duration.ofDays(31)));
            }
            for (int i = 0; i < 3; i++) {
                processed.firstTime(run + "-recent-" + i, now.minus(Duration.ofDays(29)));
            }
        });

        assertThat(job.prune()).isGreaterThanOrEqualTo(25);

        assertThat(count(run + "-old-%")).isZero();
        assertThat(count(run + "-recent-%")).isEqualTo(3);
        // A recent id is still recognised as seen.
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstTime(run + "-recent-0", now)))
                .isFalse();
    }

    @Transactional
    long count(String pattern) {
        return jdbc
                .sql("SELECT count(*) FROM processed_event WHERE event_id LIKE :pattern")
                .set("pattern", pattern)
                .number();
    }
}
