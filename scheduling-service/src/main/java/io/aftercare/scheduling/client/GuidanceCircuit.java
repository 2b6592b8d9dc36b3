package io.aftercare.scheduling.client;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.aftercare.scheduling.repository.ClinicVoices;

/**
 * The plan call with a time limit and a circuit breaker: while guidance is down or slow, bookings are accepted in
 * state planning at once instead of each waiting out the REST client's timeouts on a worker thread. Only outages count
 * as failures: an answer guidance gave on purpose (a 4xx, or a plan we cannot read) says guidance is up, and comes out
 * as {@link GuidanceAnswered}. Settings: {@code application.properties}.
 */
@ApplicationScoped
public class GuidanceCircuit {

    private final GuidanceClient guidance;

    public GuidanceCircuit(@RestClient GuidanceClient guidance) {
        this.guidance = guidance;
    }

    /** An answer from guidance that is not a plan: no sign of an outage. */
    public static class GuidanceAnswered extends RuntimeException {

        public GuidanceAnswered(RuntimeException answer) {
            super(answer);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, skipOn = GuidanceAnswered.class)
    public GuidancePlan plan(PlanRequest request, ClinicVoices.Voice clinic) {
        try {
            return guidance.plan(request.treatmentType(), request.treatmentEnd().atOffset(ZoneOffset.UTC).toString(),
                    request.timeZone(), request.locale(), request.clinicId(), request.firstName(),
                    request.marketingConsent(), clinic.name(), clinic.phone(),
                    clinic.windowStart() == null ? null : clinic.windowStart().toString(),
                    clinic.windowEnd() == null ? null : clinic.windowEnd().toString(), clinic.consentBasis());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() < 500) {
                throw new GuidanceAnswered(e);
            }
            throw e;
        } catch (RuntimeException e) {
            if (GuidancePlanner.jsonCause(e) != null) {
                throw new GuidanceAnswered(e);
            }
            throw e;
        }
    }
}
