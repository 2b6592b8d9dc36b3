package io.aftercare.scheduling.client;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.aftercare.scheduling.Booking;

/**
 * Asks guidance for a booking's plan and sorts the ways that can go: a plan; a treatment guidance does not know (which
 * no retry will fix); an answer that breaks the plan contract, or a refusal of our request (which no retry will fix
 * either: the two sides disagree, see {@code contracts/schemas/guidance-plan.schema.json}); or guidance being
 * unreachable or failing (which a retry will).
 */
@ApplicationScoped
public class GuidancePlanner {

    private static final Logger LOG = Logger.getLogger(GuidancePlanner.class);

    private final GuidanceClient guidance;

    public GuidancePlanner(@RestClient GuidanceClient guidance) {
        this.guidance = guidance;
    }

    public sealed interface Outcome permits Planned, UnknownTreatment, Unreadable, Unavailable {
    }

    public record Planned(GuidancePlan plan) implements Outcome {
    }

    public record UnknownTreatment(String treatment) implements Outcome {
    }

    /** Guidance answered, but not as the contract says: an error to fix, not an outage to wait out. */
    public record Unreadable(String reason) implements Outcome {
    }

    public record Unavailable(String reason) implements Outcome {
    }

    public Outcome plan(Booking booking) {
        try {
            return new Planned(guidance.plan(booking.treatmentType,
                    booking.treatmentEnd.atOffset(ZoneOffset.UTC).toString(), booking.timeZone, booking.locale,
                    booking.clinicId, booking.firstName, booking.marketingConsent));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == Response.Status.NOT_FOUND.getStatusCode()) {
                return new UnknownTreatment(booking.treatmentType);
            }
            if (status >= 400 && status < 500) {
                LOG.errorf("guidance refused the plan request of booking %s with %d: the two sides disagree",
                        booking.id,
                        status);
                return new Unreadable("guidance refused the plan request with " + status);
            }
            LOG.warnf("guidance answered %d for booking %s; planning later", e.getResponse().getStatus(), booking.id);
            return new Unavailable("guidance answered " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            Throwable unreadable = jsonCause(e);
            if (unreadable != null) {
                LOG.errorf("guidance's plan for booking %s does not keep to the contract: %s", booking.id,
                        unreadable.getClass().getSimpleName());
                return new Unreadable("guidance's plan does not keep to the contract (" + unreadable.getClass()
                        .getSimpleName() + ")");
            }
            // Only the exception's type: its message may quote the request URL, whose query names the patient.
            LOG.warnf("guidance unreachable for booking %s (%s); planning later", booking.id,
                    e.getClass().getSimpleName());
            return new Unavailable("guidance unreachable: " + e.getClass().getSimpleName());
        }
    }

    /** The JSON reading error behind the failure, if that is what it was. */
    private static Throwable jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return cause;
            }
        }
        return null;
    }
}
