package io.aftercare.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.problem.InputPatterns;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.BookingService;
import io.aftercare.scheduling.service.BookingService.UpsertResult;

/** The booking API that clinic booking systems call; every write is a safe-to-retry create-or-update. */
@Path("/v1/clinics/{clinicId}/bookings/{externalId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class BookingResource {

    static final String CLINIC_ID = InputPatterns.CLINIC_ID;
    static final String EXTERNAL_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private final BookingService bookings;
    private final ClinicAccess access;

    public BookingResource(BookingService bookings, ClinicAccess access) {
        this.bookings = bookings;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upsert(@PathParam("clinicId") @Pattern(regexp = CLINIC_ID) String clinicId,
            @PathParam("externalId") @Pattern(regexp = EXTERNAL_ID) String externalId,
            @NotNull @Valid BookingRequest request) {
        access.require(clinicId);
        UpsertResult result = bookings.upsert(clinicId, externalId, request.details());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(BookingResponse.of(result.plan()))
                .build();
    }

    @GET
    public BookingResponse get(@PathParam("clinicId") String clinicId, @PathParam("externalId") String externalId) {
        access.require(clinicId);
        return bookings.find(clinicId, externalId)
                .map(BookingResponse::of)
                .orElseThrow(() -> new NotFoundException("no booking " + externalId + " for clinic " + clinicId));
    }
}
