package io.aftercare.scheduling.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.service.ClinicSettings;

/**
 * A clinic's admin changes their own clinic's webhook endpoints from the console, signed in as themselves (the
 * console's person token, role {@code clinic-admin}), one at a time, with secrets made here and answered once (the
 * settings are {@link ClinicProfileResource#putSettings}). Neither a booking system's API key (role {@code clinic}) nor a staff member may: a leaked key must
 * not be able to point the clinic's patient replies at another system.
 */
@Path("/v1/clinics/{clinicId}/profile/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicSettingsResource.CLINIC_ADMIN)
public class ClinicSettingsResource {

    /** The role of a clinic's admin in the console's person tokens. */
    public static final String CLINIC_ADMIN = "clinic-admin";

    /** An endpoint to add: its secret is made here. */
    public record NewWebhook(
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") @OutboundUrl String url,
            @NotEmpty List<@NotNull @Pattern(regexp = "delivery\\.failed|patient\\.replied|patient\\.opted-out|reply\\.urgent", message = "must be one of delivery.failed, patient.replied, patient.opted-out, reply.urgent") String> events) {
    }

    private final ClinicSettings settings;
    private final ClinicAccess access;

    public ClinicSettingsResource(ClinicSettings settings, ClinicAccess access) {
        this.settings = settings;
        this.access = access;
    }

    /** 201 with the endpoint and its secret, shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addWebhook(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @NotNull @Valid NewWebhook request) {
        access.require(clinicId);
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(settings.addWebhook(clinicId, request.url(), request.events()))
                .build();
    }

    /** A new secret for the endpoint, shown this once; the old one is replaced at once. */
    @POST
    @Path("/{endpointId}/secret")
    public Response rotate(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @PathParam("endpointId") @Pattern(regexp = "ep_[0-9a-f]{16}") String endpointId) {
        access.require(clinicId);
        return Response.ok(settings.rotateSecret(clinicId, endpointId)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/{endpointId}")
    public Response remove(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @PathParam("endpointId") @Pattern(regexp = "ep_[0-9a-f]{16}") String endpointId) {
        access.require(clinicId);
        settings.removeWebhook(clinicId, endpointId);
        return Response.noContent().build();
    }
}
