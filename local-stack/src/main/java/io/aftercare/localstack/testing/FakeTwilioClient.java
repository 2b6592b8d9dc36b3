package io.aftercare.localstack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test's remote control for a {@link FakeTwilio}: script its answers, read what it received. */
public final class FakeTwilioClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    public FakeTwilioClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The next request to {@code to} is answered with this status, Twilio error body and headers. */
    public void failNext(String to, int status, Integer errorCode, Map<String, String> headers) {
        // Twilio quotes the number back in some messages, as the real 21211 does.
        String message = errorCode == null
                ? "Service Unavailable"
                : errorCode == 21211
                        ? "The 'To' number " + to + " is not a valid phone number."
                        : "error " + errorCode;
        Map<String, Object> body = errorCode == null
                ? Map.of("message", message, "status", status)
                : Map.of("code", errorCode, "message", message, "more_info",
                        "https://www.twilio.com/docs/errors/" + errorCode, "status", status);
        post("/_fake/next", Map.of("to", to, "status", status, "body", body, "headers", headers));
    }

    /** The next request to {@code to} is taken (the message exists) and its connection closed before the answer. */
    public void dropAnswerOfNext(String to) {
        post("/_fake/next", Map.of("to", to, "drop", true));
    }

    /**
     * The next message to {@code to} is taken and answered with this message id, so that a test can send the
     * provider's status report for it before the send's outcome is recorded, as a quick provider can.
     */
    public void sidOfNext(String to, String sid) {
        post("/_fake/next", Map.of("to", to, "sid", sid));
    }

    /** Every message request received, oldest first, with its form parameters and {@code _receivedAt}. */
    public List<Map<String, Object>> requests() {
        return call(HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/requests")).GET().build(),
                new TypeReference<>() {
                });
    }

    public List<Map<String, Object>> requestsTo(String to) {
        return requests().stream().filter(r -> to.equals(r.get("To"))).toList();
    }

    public static Instant receivedAt(Map<String, Object> request) {
        return Instant.parse((String) request.get("_receivedAt"));
    }

    private void post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T call(HttpRequest request, TypeReference<T> type) {
        try {
            return json.readValue(http.send(request, HttpResponse.BodyHandlers.ofString()).body(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
