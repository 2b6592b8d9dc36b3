package io.aftercare.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryAttempt;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Why a message did or did not go out: each reminder of a booking (and each text to a patient who wrote to us) with its
 * attempts, statuses and reasons. A clinic sees its own; an operator any clinic's.
 */
@Path("/v1/clinics/{clinicId}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ForwardedClinicAuthentication.CLINIC, ForwardedClinicAuthentication.OPERATOR})
public class DeliveryResource {

    public record AttemptView(int attempt, String channel, String provider, String outcome, Integer httpStatus,
            String errorCode, String detail, String providerMessageId, Instant attemptedAt) {
    }

    public record DeliveryView(UUID reminderId, String ruleKey, String channel, String status, String reason,
            String provider, String providerMessageId, int attempts, Instant nextAttemptAt, Instant createdAt,
            Instant updatedAt, List<AttemptView> history) {
    }

    private final DeliveryRepository deliveries;
    private final SecurityIdentity identity;

    public DeliveryResource(DeliveryRepository deliveries, SecurityIdentity identity) {
        this.deliveries = deliveries;
        this.identity = identity;
    }

    @GET
    @Transactional
    public List<DeliveryView> byBooking(@PathParam("clinicId") String clinicId,
            @QueryParam("bookingId") @NotNull UUID bookingId) {
        if (!identity.hasRole(ForwardedClinicAuthentication.OPERATOR)
                && !identity.getPrincipal().getName().equals(clinicId)) {
            throw new ForbiddenException("a clinic sees only its own deliveries");
        }
        return deliveries.byBooking(clinicId, bookingId)
                .stream()
                .map(d -> view(d, deliveries.attemptsOf(d.id)))
                .toList();
    }

    private static DeliveryView view(Delivery d, List<DeliveryAttempt> attempts) {
        List<AttemptView> history = attempts.stream()
                .map(a -> new AttemptView(a.attempt, lower(a.channel), a.provider, a.outcome, a.httpStatus, a.errorCode,
                        a.detail, a.providerMessageId, a.attemptedAt))
                .toList();
        return new DeliveryView(d.reminderId, d.ruleKey, lower(d.channel), lower(d.status), d.reason, d.provider,
                d.providerMessageId, d.attempts, d.nextAttemptAt, d.createdAt, d.updatedAt, history);
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
