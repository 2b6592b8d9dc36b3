package io.aftercare.scheduling.client;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.outbound.OutboundClient;
import io.aftercare.outbound.OutboundFailure;
import io.aftercare.outbound.OutboundRequest;
import io.aftercare.outbound.OutboundResponse;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.security.ClinicSecrets;

/**
 * Reads a resource from a clinic's own FHIR server, for a Subscription notification that names it without carrying
 * it. Only from the server in the clinic's profile: a URL in a notification is never fetched as it stands, or anyone
 * able to post one could make us call any address. One GET through {@link OutboundClient} (the outbound policy: the
 * server's address checked at connect time, no redirects, bounded time and answer); no FHIR client library needed.
 */
@ApplicationScoped
public class ClinicFhirServer {

    /**
     * The resource cannot be read from the clinic's server: it may not be ({@code retryLater} false: the clinic has no
     * server, or the reference points elsewhere), or the server could not be read now ({@code retryLater} true: the
     * notifying server tries again later). The FHIR edge answers it as an OperationOutcome naming {@code expression}.
     */
    public static class Unreadable extends RuntimeException {

        private final boolean retryLater;
        private final String expression;

        Unreadable(boolean retryLater, String expression, String detail) {
            super(detail);
            this.retryLater = retryLater;
            this.expression = expression;
        }

        public boolean retryLater() {
            return retryLater;
        }

        /** Where in the notification the reference was, in FHIRPath. */
        public String expression() {
            return expression;
        }
    }

    private final OutboundClient http;
    private final ObjectMapper json;
    private final ClinicSecrets secrets;

    public ClinicFhirServer(OutboundClient http, ObjectMapper json, ClinicSecrets secrets) {
        this.http = http;
        this.json = json;
        this.secrets = secrets;
    }

    /**
     * @param reference {@code Appointment/123}, or an absolute URL on the clinic's server
     * @throws Unreadable when the clinic has no server or the reference is elsewhere, or when the server could not be
     *             read (then {@link Unreadable#retryLater()})
     */
    public JsonNode read(ClinicProfile profile, String reference, String expression) {
        if (profile == null || profile.fhirBaseUrl == null) {
            throw new Unreadable(false, expression,
                    "an id-only notification needs the clinic profile's fhirServer, to read " + reference + " from");
        }
        String url = reference.startsWith("http://") || reference.startsWith("https://")
                ? reference
                : profile.fhirBaseUrl + "/" + reference;
        if (!url.startsWith(profile.fhirBaseUrl + "/") || url.contains("..") || url.contains("?")) {
            throw new Unreadable(false, expression,
                    reference + " is not on the clinic's FHIR server (its profile's fhirServer.baseUrl)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/fhir+json");
        String authorization = secrets.fhirAuthorization(profile);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        OutboundResponse response;
        try {
            // The client bounds the call itself; join only waits for that bound to pass.
            response = http.send(OutboundRequest.get(url, headers)).join();
        } catch (CompletionException e) {
            String why = e.getCause() instanceof OutboundFailure failure
                    ? failure.publicMessage()
                    : "refused: the call could not be made";
            throw unreadable(expression, reference, why);
        }
        if (response.status() != 200) {
            throw unreadable(expression, reference, "it answered " + response.status());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw unreadable(expression, reference, "its answer is not JSON");
        }
    }

    private static Unreadable unreadable(String expression, String reference, String why) {
        return new Unreadable(true, expression,
                "could not read " + reference + " from the clinic's FHIR server (" + why + "); try again later");
    }
}
