package io.aftercare.guidance.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.guidance.repository.ProtocolRepository;

/** Read access to the published aftercare protocols. */
@Path("/v1/protocols")
@Produces(MediaType.APPLICATION_JSON)
public class ProtocolResource {

    public record ProtocolSummary(String treatment, int version, String title, Instant publishedAt) {
    }

    private final ProtocolRepository protocols;

    public ProtocolResource(ProtocolRepository protocols) {
        this.protocols = protocols;
    }

    @GET
    public List<ProtocolSummary> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return protocols.latestVersions(page, size)
                .stream()
                .map(p -> new ProtocolSummary(p.treatment, p.version, p.title, p.publishedAt))
                .toList();
    }
}
