package io.aftercare.floors.service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.floors.model.TextsRequest;

/**
 * The floor of notification's texting (TwilioSmsProvider): the same form-encoded POST with Basic auth and the same
 * fields, from one shared JDK client, each request started at its slot of the requested rate and answered
 * asynchronously. No consent, quiet hours, de-duplication, outbox or status bookkeeping.
 */
@ApplicationScoped
public class TextSender {

    /** Where notification asks Twilio to report a message's status (its webhook, on the local run's port). */
    private static final String STATUS_CALLBACK = "http://127.0.0.1:8083/v1/webhooks/twilio/status";
    private static final String BODY = "Hola Ana: hoy evita el maquillaje y el sol directo. Limpia la zona con agua "
            + "tibia y un gel suave. Tu clinica. Dudas? Responde.";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    /** Accepted (2xx) and failed sends, counted once every answer came. */
    public record Outcome(int accepted, int failed) {
    }

    /** Sends {@code count} texts at {@code perSecond}, then waits for every answer. */
    public Outcome send(TextsRequest texts) {
        URI messages = URI.create(texts.url() + "/2010-04-01/Accounts/" + texts.accountSid() + "/Messages.json");
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((texts.accountSid() + ":" + texts.authToken()).getBytes(StandardCharsets.UTF_8));
        long period = 1_000_000_000L / texts.perSecond();
        long start = System.nanoTime();
        List<CompletableFuture<Boolean>> answers = new ArrayList<>(texts.count());
        for (int i = 0; i < texts.count(); i++) {
            long wait;
            while ((wait = start + i * period - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(messages)
                    .timeout(TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(texts.from(), i)))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> failure == null && response.statusCode() / 100 == 2));
        }
        int accepted = 0;
        for (CompletableFuture<Boolean> answer : answers) {
            accepted += answer.join() ? 1 : 0;
        }
        return new Outcome(accepted, answers.size() - accepted);
    }

    /** To, From, Body, StatusCallback, as notification sends them; a Spanish mobile number per text. */
    private static String form(String from, int i) {
        return "To=" + encode("+3461%07d".formatted(i % 10_000_000)) + "&From=" + encode(from) + "&Body="
                + encode(BODY) + "&StatusCallback=" + encode(STATUS_CALLBACK);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
