package io.aftercare.scheduling.metrics;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.repository.ReminderBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Reminders that are due but not yet dispatched: near zero in health, growing when the dispatcher or Kafka is stuck.
 * Counted every few seconds rather than at each scrape, so that a scrape never waits on the database; registered at
 * start-up, so that the series exists from the first scrape.
 */
@Startup
@ApplicationScoped
public class DueBacklogGauge {

    private final ReminderBacklog reminders;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong upcoming = new AtomicLong();

    public DueBacklogGauge(ReminderBacklog reminders, Clock clock, MeterRegistry registry) {
        this.reminders = reminders;
        this.clock = clock;
        Gauge.builder("aftercare.reminders.due.backlog", backlog, AtomicLong::get)
                .description("Planned reminders whose due time has passed")
                .register(registry);
        Gauge.builder("aftercare.reminders.upcoming", upcoming, AtomicLong::get)
                .description("Planned reminders due in the next 48 hours")
                .register(registry);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void count() {
        var now = clock.instant();
        backlog.set(reminders.overdue(now));
        upcoming.set(reminders.dueBetween(now, now.plusSeconds(48 * 3600)));
    }
}
