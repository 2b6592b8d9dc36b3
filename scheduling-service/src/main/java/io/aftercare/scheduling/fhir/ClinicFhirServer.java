package io.aftercare.scheduling.fhir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.service.ClinicSecrets;

/**
 * Reads a resource from a clinic's own FHIR server, for a Subscription notification that names it without carrying
 * it. Only from the server in the clinic's profile: a URL in a notification is never fetched as it stands, or anyone
 * able to post one could make us call any address. The JDK's client: one GET, no FHIR client library needed.
 */
@ApplicationScoped
public class ClinicFhirServer {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final ClinicSecrets secrets;

    public ClinicFhirServer(ObjectMapper json, ClinicSecrets secrets) {
        this.json = json;
        this.secrets = secrets;
    }

    /**
     * @param reference {@code Appointment/123}, or an absolute URL on the clinic's server
     * @throws FhirInvalidException 422 when the clinic has no server or the reference is elsewhere, 503 when the
     *             server could not be read (the notifying server tries again later)
     */
    public JsonNode read(ClinicProfile profile, String reference, String expression) {
        if (profile == null || profile.fhirBaseUrl == null) {
            throw new FhirInvalidException(422, List.of(OperationOutcome.invalid(expression,
                    "an id-only notification needs the clinic profile's fhirServer, to read " + reference + " from")));
        }
        String url = reference.startsWith("http://") || reference.startsWith("https://")
                ? reference
                : profile.fhirBaseUrl + "/" + reference;
        if (!url.startsWith(profile.fhirBaseUrl + "/") || url.contains("..") || url.contains("?")) {
            throw new FhirInvalidException(422, List.of(OperationOutcome.invalid(expression,
                    reference + " is not on the clinic's FHIR server (its profile's fhirServer.baseUrl)")));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Accept", "application/fhir+json")
                .GET();
        String authorization = secrets.fhirAuthorization(profile);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unreadable(expression, reference, "it answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw unreadable(expression, reference, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable(expression, reference, "interrupted");
        }
    }

    private static FhirInvalidException unreadable(String expression, String reference, String why) {
        return new FhirInvalidException(503, List.of(new OperationOutcome.Issue("error", "transient",
                "could not read " + reference + " from the clinic's FHIR server (" + why + "); try again later",
                List.of(expression))));
    }
}
