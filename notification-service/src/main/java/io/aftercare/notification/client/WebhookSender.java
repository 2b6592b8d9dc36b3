package io.aftercare.notification.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.WebhooksConfig;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.repository.WebhookMessageRepository;
import io.aftercare.notification.repository.WebhookMessageRepository.Attempt;
import io.aftercare.notification.repository.WebhookMessageRepository.Due;
import io.aftercare.outbound.OutboundClient;
import io.aftercare.outbound.OutboundFailure;
import io.aftercare.outbound.OutboundRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers messages to clinics' endpoints: claims due ones in a short transaction ({@code FOR UPDATE SKIP LOCKED}, so
 * any number of instances can run), POSTs them outside any transaction through {@link OutboundClient}, signed per
 * Standard Webhooks, and records each attempt as soon as it ends. A 2xx delivers; any other answer, or none within
 * the timeout, is tried again on the retry schedule, and once it is used up the message is failed. Every attempt sends
 * the same body under the same {@code webhook-id}, with its own timestamp and signature.
 * <p>
 * No round waits for a call: each clinic has a few slots of its own ({@code aftercare.webhooks.per-clinic}), and a
 * clinic whose slots are full is not claimed from until one frees. An endpoint that answers a byte a second holds up
 * its own clinic's messages until the timeout, and no other clinic's.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private record Sent(Due message, Attempt attempt) {
    }

    private final WebhookMessageRepository messages;
    private final WebhooksConfig config;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final OutboundClient http;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    /** Records outcomes off the event loop the answers arrive on: a transaction there would block it. */
    private final ExecutorService recorder = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "webhook-outcomes");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookSender(WebhookMessageRepository messages, WebhooksConfig config, NotificationMetrics metrics,
            Clock clock, OutboundClient http) {
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.http = http;
    }

    @Scheduled(every = "${aftercare.webhooks.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void send() {
        try {
            while (startBatch()) {
                // a backlog and free slots: go on at once
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook sender: %s; due messages wait for the next round", e.toString());
        }
    }

    /** @return whether a full batch was started, so that more may be due */
    boolean startBatch() {
        int room = Math.min(config.batchSize(), config.maxInFlight() - total.get());
        if (room <= 0) {
            return false;
        }
        Instant now = clock.instant();
        // Longer than any attempt: an instance that dies mid-call leaves its messages to be tried again after it.
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plusSeconds(5);
        Set<String> busy = inFlight.entrySet().stream()
                .filter(e -> e.getValue() >= config.perClinic())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Due> due = QuarkusTransaction.requiringNew()
                .call(() -> messages.claimDue(now, leaseUntil, room, config.perClinic(), busy));
        for (Due message : due) {
            total.incrementAndGet();
            inFlight.merge(message.clinicId(), 1, Integer::sum);
            post(message).thenAcceptAsync(this::recordAndRelease, recorder);
        }
        return due.size() == room;
    }

    private void recordAndRelease(Sent sent) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(sent));
        } catch (RuntimeException e) {
            // The lease runs out and the message is tried again: at least once, as the receiver expects.
            LOG.warnf("webhook message %s: its attempt could not be recorded (%s)", sent.message().id(),
                    e.toString());
        } finally {
            inFlight.computeIfPresent(sent.message().clinicId(), (clinic, n) -> n > 1 ? n - 1 : null);
            total.decrementAndGet();
        }
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
        Map<String, String> headers;
        try {
            headers = Map.of("Content-Type", "application/json", "webhook-id", message.id(), "webhook-timestamp",
                    Long.toString(timestamp), "webhook-signature",
                    WebhookSignature.sign(message.secret(), message.id(), timestamp, message.payload()));
        } catch (IllegalArgumentException badSecret) {
            return CompletableFuture.completedFuture(
                    new Sent(message, new Attempt(number, at, null, "refused: the endpoint's secret is unusable", 0)));
        }
        return http.send(OutboundRequest.post(message.url(), headers, message.payload(), config.timeout()))
                .handle((response, failure) -> new Sent(message, new Attempt(number, at,
                        response == null ? null : response.status(),
                        failure == null ? null : error(message, failure),
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

    /** What the clinic reads: "refused" or "timed out", never an address or an exception's text; those are logged. */
    private static String error(Due message, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof OutboundFailure outbound) {
            LOG.debugf("webhook message %s to endpoint %s of %s: %s", message.id(), message.endpointId(),
                    message.clinicId(), outbound.getMessage());
            return outbound.publicMessage();
        }
        LOG.warnf("webhook message %s to endpoint %s of %s: %s", message.id(), message.endpointId(),
                message.clinicId(), cause.toString());
        return "refused: the call could not be made";
    }

    @PreDestroy
    void stop() {
        recorder.shutdown();
    }
}
