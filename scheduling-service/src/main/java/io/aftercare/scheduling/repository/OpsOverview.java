package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the ops page shows: the funnel, what is coming, how late dispatch runs, the latest failures, and the replies
 * waiting in the clinics' inboxes (counted here from notification's patient-replies and replies-handled).
 */
public record OpsOverview(String clinicId, Instant from, Instant to, Funnel funnel, List<HourCount> upcoming,
        Lateness lateness, List<Failure> failures, Inbox inbox) {

    /** Replies not yet handled, and how many of them are urgent. */
    public record Inbox(long open, long urgent) {
    }

    public record Funnel(long booked, long planned, long dispatched, long sent, long delivered, long failed,
            long suppressed, long expired, long revoked) {
    }

    public record HourCount(Instant hour, long count) {
    }

    /** @param count how many of the period's latest dispatches the percentiles cover (at most 10,000) */
    public record Lateness(long count, double p50Seconds, double p99Seconds) {
    }

    public record Failure(UUID reminderId, String clinicId, String bookingRef, String ruleKey, String status,
            String reason, Instant at, boolean canResend) {
    }
}
