package io.aftercare.scheduling.rest.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /fhir/r4/metadata}: what this FHIR endpoint supports, for a clinic's system to read before it sends. Open
 * to anyone, as FHIR servers publish it; it names no clinic and no patient. Kept as a document beside the code it
 * describes ({@code fhir/capability-statement.json}), changed with it.
 */
@Path("/fhir/r4/metadata")
@PermitAll
public class CapabilityStatementResource {

    private static final String STATEMENT = read("/fhir/capability-statement.json");

    @GET
    @Produces({OperationOutcome.MEDIA_TYPE, "application/json"})
    public String capabilities() {
        return STATEMENT;
    }

    private static String read(String resource) {
        try (InputStream in = CapabilityStatementResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
