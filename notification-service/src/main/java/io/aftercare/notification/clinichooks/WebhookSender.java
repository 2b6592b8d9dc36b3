package io.aftercare.notification.clinichooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.WebhooksConfig;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.privacy.Masking;
import io.aftercare.notification.repository.WebhookMessageRepository;
import io.aftercare.notification.repository.WebhookMessageRepository.Attempt;
import io.aftercare.notification.repository.WebhookMessageRepository.Due;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers messages to clinics' endpoints: claims due ones in a short transaction ({@code FOR UPDATE SKIP LOCKED}, so
 * any number of instances can run), POSTs them outside any transaction, signed per Standard Webhooks, and records
 * each attempt. A 2xx delivers; any other answer, or none within the timeout, is tried again on the retry schedule,
 * and once it is used up the message is failed. Every attempt sends the same body under the same {@code webhook-id},
 * with its own timestamp and signature.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int ERROR_LENGTH = 300;

    private record Sent(Due message, Attempt attempt) {
    }

    private final WebhookMessageRepository messages;
    private final WebhooksConfig config;
    private final NotificationMetrics metrics;
    private final Clock clock;
    /** Redirects are not followed: Standard Webhooks counts them as failures, and the endpoint is the clinic's to fix. */
    private final HttpClient http;

    public WebhookSender(WebhookMessageRepository messages, WebhooksConfig config, NotificationMetrics metrics,
            Clock clock) {
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(every = "${aftercare.webhooks.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void send() {
        try {
            while (sendBatch() == config.batchSize()) {
                // a backlog: go on at once
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook sender: %s; due messages wait for the next round", e.toString());
        }
    }

    /** @return how many messages were attempted */
    int sendBatch() {
        Instant now = clock.instant();
        // Longer than any attempt: an instance that dies mid-call leaves its messages to be tried again after it.
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plusSeconds(5);
        List<Due> due = QuarkusTransaction.requiringNew()
                .call(() -> messages.claimDue(now, leaseUntil, config.batchSize()));
        if (due.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Sent>> calls = new ArrayList<>();
        for (Due message : due) {
            calls.add(post(message));
        }
        List<Sent> sent = calls.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> sent.forEach(this::record));
        return due.size();
    }

    private CompletableFuture<Sent> post(Due message) {
        int number = message.attempts() + 1;
        Instant at = clock.instant();
        if (message.secret() == null) {
            return CompletableFuture.completedFuture(new Sent(message,
                    new Attempt(number, at, null, "the endpoint is no longer in the clinic's profile", 0)));
        }
        long timestamp = at.getEpochSecond();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(message.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", message.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature",
                            WebhookSignature.sign(message.secret(), message.id(), timestamp, message.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.payload()))
                    .build();
        } catch (IllegalArgumentException badUrlOrSecret) {
            return CompletableFuture.completedFuture(
                    new Sent(message, new Attempt(number, at, null, error(badUrlOrSecret), 0)));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> new Sent(message, new Attempt(number, at,
                        response == null ? null : response.statusCode(),
                        failure == null ? null : error(failure),
                        Duration.ofNanos(System.nanoTime() - started).toMillis())));
    }

    private void record(Sent sent) {
        Due message = sent.message();
        Attempt attempt = sent.attempt();
        Instant now = clock.instant();
        boolean delivered = attempt.httpStatus() != null && attempt.httpStatus() / 100 == 2;
        metrics.webhookAttempt(delivered ? "delivered" : attempt.httpStatus() != null ? "refused" : "unanswered");
        if (delivered) {
            messages.attempted(message.id(), attempt, "DELIVERED", null, now);
            return;
        }
        List<Duration> schedule = config.retrySchedule();
        if (attempt.attempt() < schedule.size() && message.secret() != null) {
            messages.attempted(message.id(), attempt, "PENDING", now.plus(schedule.get(attempt.attempt())), now);
            return;
        }
        messages.attempted(message.id(), attempt, "FAILED", null, now);
        metrics.webhookGivenUp();
        LOG.warnf("webhook message %s (%s) to endpoint %s of %s given up after %d attempt(s); last: %s",
                message.id(), message.type(), message.endpointId(), message.clinicId(), attempt.attempt(),
                attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus() : attempt.error());
    }

    private static String error(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        String text = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + Masking.scrub(cause.getMessage()));
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
    }
}
