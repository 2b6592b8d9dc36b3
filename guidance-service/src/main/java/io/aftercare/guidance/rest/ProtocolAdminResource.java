package io.aftercare.guidance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.service.ProtocolDrafts;
import io.aftercare.guidance.service.ProtocolPublication;
import io.aftercare.guidance.service.ProtocolService;

/** Editing protocols: a draft per treatment, published as an immutable new version. Admins only. */
@Path("/v1/admin/protocols/{treatment}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ProtocolAdminResource {

    private final ProtocolDrafts drafts;
    private final ProtocolPublication publication;

    public ProtocolAdminResource(ProtocolDrafts drafts, ProtocolPublication publication) {
        this.drafts = drafts;
        this.publication = publication;
    }

    @GET
    @Path("/draft")
    public ProtocolContent draft(
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment) {
        return drafts.draft(treatment).orElseThrow(() -> new NotFoundException("no draft of " + treatment));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/draft")
    public ProtocolContent saveDraft(
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment,
            @NotNull @Valid ProtocolContent content) {
        return drafts.saveDraft(treatment, content);
    }

    @DELETE
    @Path("/draft")
    public Response discardDraft(
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment) {
        drafts.discardDraft(treatment);
        return Response.noContent().build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/draft/rules/{ruleKey}")
    public ProtocolContent saveRule(
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment,
            @PathParam("ruleKey") @Pattern(regexp = ProtocolResource.TREATMENT) String ruleKey, @NotNull Rule rule) {
        Rule keyed = new Rule(ruleKey, rule.category(), rule.timing(), rule.validity(), rule.priority(),
                rule.channels(), rule.sources(), rule.note(), rule.templates(), rule.rank(), rule.daytime(),
                rule.marketing());
        return drafts.saveDraftRule(treatment, keyed);
    }

    @DELETE
    @Path("/draft/rules/{ruleKey}")
    public ProtocolContent deleteRule(
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment,
            @PathParam("ruleKey") String ruleKey) {
        return drafts.deleteDraftRule(treatment, ruleKey);
    }

    /** Publishes the draft as the next version; 422 with every fault when its content is not publishable. */
    @POST
    @Path("/publish")
    public Response publish(@PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment) {
        ProtocolService.Version version = publication.publish(treatment);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/v1/protocols/" + treatment + "/versions/" + version.version())
                .entity(new ProtocolResource.VersionView(version.treatment(), version.version(),
                        version.publishedAt(), version.content()))
                .build();
    }
}
