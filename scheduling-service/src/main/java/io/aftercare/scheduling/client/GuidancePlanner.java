package io.aftercare.scheduling.client;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.aftercare.scheduling.Booking;

/**
 * Asks guidance for a booking's plan and sorts the ways that can go: a plan, a treatment guidance does not know (which
 * no retry will fix), or guidance being unreachable (which a retry will).
 */
@ApplicationScoped
public class GuidancePlanner {

    private static final Logger LOG = Logger.getLogger(GuidancePlanner.class);

    private final GuidanceClient guidance;

    public GuidancePlanner(@RestClient GuidanceClient guidance) {
        this.guidance = guidance;
    }

    public sealed interface Outcome permits Planned, UnknownTreatment, Unavailable {
    }

    public record Planned(GuidancePlan plan) implements Outcome {
    }

    public record UnknownTreatment(String treatment) implements Outcome {
    }

    public record Unavailable(String reason) implements Outcome {
    }

    public Outcome plan(Booking booking) {
        try {
            return new Planned(guidance.plan(booking.treatmentType,
                    booking.treatmentEnd.atOffset(ZoneOffset.UTC).toString(), booking.timeZone, booking.locale,
                    booking.clinicId, booking.firstName, booking.marketingConsent));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
                return new UnknownTreatment(booking.treatmentType);
            }
            LOG.warnf("guidance answered %d for booking %s; planning later", e.getResponse().getStatus(), booking.id);
            return new Unavailable("guidance answered " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            // Only the exception's type: its message may quote the request URL, whose query names the patient.
            LOG.warnf("guidance unreachable for booking %s (%s); planning later", booking.id,
                    e.getClass().getSimpleName());
            return new Unavailable("guidance unreachable: " + e.getClass().getSimpleName());
        }
    }
}
