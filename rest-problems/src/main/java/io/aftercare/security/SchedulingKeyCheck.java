package io.aftercare.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jboss.logging.Logger;

/**
 * Asks the scheduling service, which owns clinics' API keys, whether a clinic's key is valid: {@code GET
 * /v1/clinics/{clinicId}/session} with the key as Basic credentials answers 204 when it is (why over HTTP:
 * docs/threat-model.md, "Where API keys are checked"). The check guidance's and notification's sign-ins share; each
 * decides what an unanswered check means for its own, and notification remembers answers.
 */
public final class SchedulingKeyCheck {

    /** What scheduling said of a key, or that it could not be asked. */
    public enum Answer {
        ACCEPTED, REFUSED, UNANSWERED
    }

    private static final Logger LOG = Logger.getLogger(SchedulingKeyCheck.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String schedulingUrl;

    /** @param schedulingUrl the scheduling service's base URL ({@code aftercare.scheduling.url}) */
    public SchedulingKeyCheck(String schedulingUrl) {
        this.schedulingUrl = schedulingUrl;
    }

    /** Blocks for at most a few seconds: call it from a worker thread. */
    public Answer check(String clinic, String key) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((clinic + ":" + key).getBytes(StandardCharsets.UTF_8));
        HttpRequest check = HttpRequest.newBuilder(URI.create(schedulingUrl + "/v1/clinics/" + clinic + "/session"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", basic)
                .GET()
                .build();
        try {
            int status = http.send(check, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 204 && status != 401) {
                LOG.warnf("scheduling answered %d to a check of clinic %s's login", status, clinic);
            }
            return status == 204 ? Answer.ACCEPTED : Answer.REFUSED;
        } catch (IOException e) {
            LOG.warnf("scheduling could not check clinic %s's login: %s", clinic, e.toString());
            return Answer.UNANSWERED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNANSWERED;
        }
    }
}
