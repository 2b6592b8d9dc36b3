package io.aftercare.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.aftercare.problem.InputPatterns;

/** For the ops page: how many replies wait for the clinics, and how many of those are urgent. Counts, no content. */
@Path("/v1/ops/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ForwardedClinicAuthentication.OPERATOR)
public class OpsInboxResource {

    public record InboxCounts(long open, long urgent) {
    }

    private final PatientReplyRepository replies;

    public OpsInboxResource(PatientReplyRepository replies) {
        this.replies = replies;
    }

    @GET
    @Transactional
    public InboxCounts counts(
            @QueryParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId) {
        long[] counts = replies.openCounts(clinicId == null || clinicId.isBlank() ? null : clinicId);
        return new InboxCounts(counts[0], counts[1]);
    }
}
