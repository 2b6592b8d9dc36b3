package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.config.PlanningConfig;
import io.aftercare.scheduling.repository.BookingRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * Plans the bookings that are waiting for a plan: accepted while guidance was unreachable, or due a new plan after a
 * protocol was published. No booking is lost: it waits here, with growing pauses, until guidance answers.
 */
@ApplicationScoped
public class PlanRetryJob {

    private static final Logger LOG = Logger.getLogger(PlanRetryJob.class);

    private final BookingRepository bookings;
    private final PlanApplier planner;
    private final PlanningConfig config;
    private final Clock clock;

    public PlanRetryJob(BookingRepository bookings, PlanApplier planner, PlanningConfig config, Clock clock) {
        this.bookings = bookings;
        this.planner = planner;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${aftercare.planning.retry-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void planWaitingBookings() {
        try {
            while (planBatch() == config.batchSize()) {
                // a full batch planned: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "planning waiting bookings failed; retrying on the next tick");
        }
    }

    /** @return how many bookings were planned; fewer than a batch when done, or when guidance stopped answering */
    @Transactional
    public int planBatch() {
        Instant now = clock.instant();
        List<Booking> waiting = bookings.claimWaitingForPlan(now, config.batchSize());
        int planned = 0;
        for (Booking booking : waiting) {
            if (planner.replan(booking, now) instanceof GuidancePlanner.Unavailable) {
                // Guidance is down: the others would only wait for the same timeout.
                return planned;
            }
            planned++;
            LOG.infof("booking %s planned after waiting (plan %s)", booking.id, booking.planState);
        }
        return planned;
    }
}
