package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.config.PlanningConfig;
import io.aftercare.scheduling.service.PlanClaims.Claim;
import io.quarkus.scheduler.Scheduled;

/**
 * Plans the bookings that are waiting for a plan: accepted while guidance was unreachable, or due a new plan after a
 * protocol was published. No booking is lost: it waits here, with growing pauses, until guidance answers. Guidance is
 * asked between two short transactions (claim, then apply), never inside one.
 */
@ApplicationScoped
public class PlanRetryJob {

    private static final Logger LOG = Logger.getLogger(PlanRetryJob.class);

    private final PlanClaims claims;
    private final GuidancePlanner guidance;
    private final PlanningConfig config;
    private final Clock clock;

    public PlanRetryJob(PlanClaims claims, GuidancePlanner guidance, PlanningConfig config, Clock clock) {
        this.claims = claims;
        this.guidance = guidance;
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
    public int planBatch() {
        Instant claimedAt = clock.instant();
        // Microseconds, as PostgreSQL keeps it: the lease is recognised again by equality.
        Instant leaseUntil = claimedAt.plus(config.lease()).truncatedTo(ChronoUnit.MICROS);
        List<Claim> waiting = claims.claim(claimedAt, leaseUntil, config.batchSize());
        int planned = 0;
        for (int i = 0; i < waiting.size(); i++) {
            Claim claim = waiting.get(i);
            GuidancePlanner.Outcome outcome = claim.request() == null ? null : guidance.plan(claim.request());
            if (claims.apply(claim, outcome, clock.instant())) {
                LOG.infof("booking %s planned after waiting (%s)", claim.bookingId(),
                        outcome == null ? "no reminders wanted" : outcome.getClass().getSimpleName());
            }
            if (outcome instanceof GuidancePlanner.Unavailable) {
                // Guidance is down: the others would only wait for the same timeout. They are due again at once.
                claims.release(waiting.subList(i + 1, waiting.size()), clock.instant());
                return planned;
            }
            planned++;
        }
        return planned;
    }
}
