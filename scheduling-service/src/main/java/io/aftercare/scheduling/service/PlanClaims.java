package io.aftercare.scheduling.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.client.PlanRequest;
import io.aftercare.scheduling.repository.BookingRepository;

/**
 * The planning job's two short transactions around a call to guidance: claim a batch of waiting bookings for a lease,
 * then, booking by booking, apply the plan fetched meanwhile if the booking is still as it was claimed.
 */
@ApplicationScoped
public class PlanClaims {

    private static final Logger LOG = Logger.getLogger(PlanClaims.class);

    private final BookingRepository bookings;
    private final PlanApplier planner;

    public PlanClaims(BookingRepository bookings, PlanApplier planner) {
        this.bookings = bookings;
        this.planner = planner;
    }

    /**
     * A booking waiting for a plan, as it was when claimed.
     *
     * @param request what its plan depends on; null when it wants no reminders, and so no guidance
     */
    public record Claim(UUID bookingId, String clinicId, String externalId, PlanRequest request, Instant leaseUntil) {
    }

    /** Moves the bookings' next attempt to the end of the lease, so that no other instance claims them meanwhile. */
    @Transactional
    public List<Claim> claim(Instant now, Instant leaseUntil, int limit) {
        List<Booking> claimed = bookings.claimWaitingForPlan(now, limit);
        bookings.leaseUntil(claimed.stream().map(booking -> booking.id).toList(), leaseUntil);
        return claimed.stream()
                .map(booking -> new Claim(booking.id, booking.clinicId, booking.externalId,
                        PlanApplier.needsGuidance(booking) ? PlanRequest.of(booking) : null, leaseUntil))
                .toList();
    }

    /**
     * Applies the outcome unless the booking changed since it was claimed: new plan details, or a plan already made by
     * its own update (or by another instance after the lease ran out). That change planned it, or queued it again.
     *
     * @return whether the outcome was applied
     */
    @Transactional
    public boolean apply(Claim claim, GuidancePlanner.Outcome outcome, Instant now) {
        bookings.lockBookingKey(claim.clinicId(), claim.externalId());
        Booking booking = bookings.findById(claim.bookingId()).orElse(null);
        if (booking == null || booking.planState != PlanState.PENDING
                || !claim.leaseUntil().equals(booking.nextPlanAt)
                || !Objects.equals(claim.request(),
                        PlanApplier.needsGuidance(booking) ? PlanRequest.of(booking) : null)) {
            LOG.debugf("booking %s changed while its plan was fetched; its own change plans it", claim.bookingId());
            return false;
        }
        planner.apply(booking, outcome, now);
        return true;
    }

    /** Gives claimed bookings back for the next round, untouched but for their claim. */
    @Transactional
    public void release(List<Claim> claims, Instant now) {
        for (Claim claim : claims) {
            bookings.releaseClaim(claim.bookingId(), claim.leaseUntil(), now);
        }
    }
}
