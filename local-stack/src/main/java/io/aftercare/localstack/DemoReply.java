package io.aftercare.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo patient answers a text: a form-encoded POST to notification's inbound webhook, signed with the local run's
 * Twilio auth token exactly as Twilio signs it (HMAC-SHA1 of the URL and the sorted parameters), from the patient's
 * number to the number that texted them. A reply is routed by the texts recorded as sent, so it waits for one first.
 */
final class DemoReply {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The local run's default sender ({@code aftercare.twilio.from}), which texted the patient. */
    private static final String SENDER = "+15005550006";

    private final PrintStream out;
    private final HttpClient http;
    private final String notification;
    private final String twilioAuthToken;
    private final ObjectMapper json = new ObjectMapper();

    DemoReply(PrintStream out, HttpClient http, String notificationUrl, String twilioAuthToken) {
        this.out = out;
        this.http = http;
        this.notification = notificationUrl;
        this.twilioAuthToken = twilioAuthToken;
    }

    void leave(String bookingId, String apiKey, String phone, String text) throws IOException, InterruptedException {
        String clinic = notification + "/v1/clinics/" + DemoClinic.ID;
        awaitNonEmpty(clinic + "/deliveries?bookingId=" + bookingId, apiKey,
                "a text of booking " + bookingId + " recorded as sent", deliveries -> {
                    for (JsonNode delivery : deliveries) {
                        String status = delivery.path("status").asText();
                        if ("sms".equals(delivery.path("channel").asText())
                                && ("sent".equals(status) || "delivered".equals(status))) {
                            return true;
                        }
                    }
                    return false;
                });
        out.println("\nAna answers by text: \"" + text + "\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", phone);
        form.put("To", SENDER);
        form.put("Body", text);
        String inbound = notification + "/v1/webhooks/twilio/inbound";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(inbound))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(inbound, form))
                .POST(HttpRequest.BodyPublishers.ofString(encoded(form)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 200) {
            throw new IOException("the inbound webhook refused the reply (" + posted.statusCode() + ")");
        }
        awaitNonEmpty(clinic + "/inbox", apiKey, "the reply in the inbox", inbox -> {
            for (JsonNode item : inbox.path("items")) {
                if (bookingId.equals(item.path("bookingId").asText())) {
                    return true;
                }
            }
            return false;
        });
    }

    private void awaitNonEmpty(String url, String apiKey, String what,
            java.util.function.Predicate<JsonNode> found) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", DemoBooking.basic(DemoClinic.ID, apiKey))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && found.test(json.readTree(response.body()))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("waited " + WAIT.toSeconds() + " s in vain for " + what + " at " + url
                + "; see .aftercare/logs/");
    }

    private String signature(String url, Map<String, String> form) throws IOException {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(twilioAuthToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the reply", e);
        }
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
