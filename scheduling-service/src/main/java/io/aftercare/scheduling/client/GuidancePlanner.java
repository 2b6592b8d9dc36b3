package io.aftercare.scheduling.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.client.GuidanceCircuit.GuidanceAnswered;
import io.aftercare.scheduling.repository.ClinicVoices;

/**
 * Asks guidance for a booking's plan and sorts the ways that can go: a plan; a treatment guidance does not know (which
 * no retry will fix); an answer that breaks the plan contract, or a refusal of our request (which no retry will fix
 * either: the two sides disagree, see {@code contracts/schemas/guidance-plan.schema.json}); or guidance being
 * unreachable, failing, slow or behind an open circuit breaker (which a retry will). It never runs inside a
 * transaction of ours: callers fetch the plan first and apply it under the booking's lock afterwards.
 */
@ApplicationScoped
public class GuidancePlanner {

    private static final Logger LOG = Logger.getLogger(GuidancePlanner.class);

    private final GuidanceCircuit guidance;
    private final ClinicVoices clinics;

    public GuidancePlanner(GuidanceCircuit guidance, ClinicVoices clinics) {
        this.guidance = guidance;
        this.clinics = clinics;
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

    public Outcome plan(PlanRequest request) {
        try {
            return new Planned(guidance.plan(request, clinics.of(request.clinicId())));
        } catch (GuidanceAnswered answered) {
            return answered(request, answered.getCause());
        } catch (WebApplicationException e) {
            LOG.warnf("guidance answered %d for a %s booking of clinic %s; planning later",
                    e.getResponse().getStatus(), request.treatmentType(), request.clinicId());
            return new Unavailable("guidance answered " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            // Only the exception's type: its message may quote the request URL, whose query names the patient. An
            // open circuit breaker or a timeout lands here too.
            LOG.warnf("guidance unreachable for a %s booking of clinic %s (%s); planning later",
                    request.treatmentType(), request.clinicId(), e.getClass().getSimpleName());
            return new Unavailable("guidance unreachable: " + e.getClass().getSimpleName());
        }
    }

    private static Outcome answered(PlanRequest request, RuntimeException answer) {
        if (answer instanceof WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == Response.Status.NOT_FOUND.getStatusCode()) {
                return new UnknownTreatment(request.treatmentType());
            }
            LOG.errorf("guidance refused a plan request of clinic %s with %d: the two sides disagree",
                    request.clinicId(), status);
            return new Unreadable("guidance refused the plan request with " + status);
        }
        Throwable unreadable = jsonCause(answer);
        String type = unreadable == null ? answer.getClass().getSimpleName() : unreadable.getClass().getSimpleName();
        LOG.errorf("guidance's plan for a booking of clinic %s does not keep to the contract: %s", request.clinicId(),
                type);
        return new Unreadable("guidance's plan does not keep to the contract (" + type + ")");
    }

    /** The JSON reading error behind the failure, if that is what it was. */
    static Throwable jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return cause;
            }
        }
        return null;
    }
}
