package io.aftercare.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryAttempt;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.repository.DeliveryRepository;

/**
 * Records what became of a delivery: every attempt with its outcome, and the delivery's next state. Transient
 * and unanswered failures come back later (backoff with jitter, at least the provider's Retry-After) while the reminder is valid;
 * permanent ones fail at once; one whose validity ends while retrying expires and is given up (dead-letter topic).
 * What the others must hear of it goes to the outbox in the same transaction, and so do the clinic's webhook messages
 * ({@link DeliveryAnnouncements}); a number the provider reports unsubscribed is a STOP ({@link TextPreferences}); a
 * text that reached the provider opens a conversation ({@link TextedNumbers}).
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final RetryPolicy retries;
    private final NotificationMetrics metrics;
    private final DeliveryAnnouncements announcements;
    private final TextedNumbers texts;
    private final TextPreferences preferences;
    private final DeliveryRepository deliveries;
    /** The attempts of the batch {@link #together} records on this thread, inserted in one go at its end. */
    private final ThreadLocal<List<DeliveryAttempt>> attempts = new ThreadLocal<>();

    public DeliveryOutcomes(RetryPolicy retries, NotificationMetrics metrics, DeliveryAnnouncements announcements,
            TextedNumbers texts, TextPreferences preferences, DeliveryRepository deliveries) {
        this.deliveries = deliveries;
        this.retries = retries;
        this.metrics = metrics;
        this.announcements = announcements;
        this.texts = texts;
        this.preferences = preferences;
    }

    /**
     * Records a batch of outcomes, writing their attempts, what they announce, and the texts they sent, in one go at
     * its end.
     */
    void together(Runnable recording) {
        texts.together(() -> announcements.together(() -> attemptsTogether(recording)));
    }

    private void attemptsTogether(Runnable recording) {
        List<DeliveryAttempt> batch = new ArrayList<>();
        attempts.set(batch);
        try {
            recording.run();
        } finally {
            attempts.remove();
        }
        deliveries.insertAttempts(batch);
    }

    private void insert(DeliveryAttempt attempt) {
        List<DeliveryAttempt> batch = attempts.get();
        if (batch != null) {
            batch.add(attempt);
        } else {
            deliveries.insertAttempts(List.of(attempt));
        }
    }

    /** The provider's answer to an attempt. */
    void attempted(Delivery delivery, String phone, SendResult result, Instant at) {
        delivery.attempts++;
        recordAttempt(delivery, result, at);
        if (result instanceof SendResult.Sent sent) {
            delivery.providerMessageId = sent.providerMessageId();
            texts.texted(delivery, phone, at);
            finish(delivery, DeliveryStatus.SENT, null, at);
        } else if (result instanceof SendResult.Permanent permanent) {
            if (permanent.unsubscribed()) {
                preferences.unsubscribed(phone, delivery.clinicId, permanent.errorCode(), at);
            }
            finish(delivery, DeliveryStatus.FAILED, "refused by the provider: " + describe(permanent), at);
        } else if (result instanceof SendResult.Transient failure) {
            // The provider answered: this attempt left no message there (and an earlier unanswered one was looked
            // for before it was made).
            delivery.unconfirmedSince = null;
            retryOrGiveUp(delivery, failure.detail(), failure.retryAfter(), at);
        } else if (result instanceof SendResult.Unanswered unanswered) {
            // unconfirmedSince stays: the next attempt asks the provider first.
            retryOrGiveUp(delivery, unanswered.detail(), null, at);
        }
    }

    private void retryOrGiveUp(Delivery delivery, String detail, java.time.Duration retryAfter, Instant at) {
        Instant next = at.plus(retries.delay(delivery.attempts, retryAfter));
        if (retries.worthAnotherTry(next, delivery.expiresAt)) {
            metrics.retry(lower(delivery.channel));
            delivery.status = DeliveryStatus.RETRYING;
            delivery.reason = detail;
            delivery.nextAttemptAt = next;
            delivery.updatedAt = at;
        } else {
            String reason = "its validity ended at " + delivery.expiresAt + " while retrying, after "
                    + delivery.attempts + " attempts; last: " + detail;
            finish(delivery, DeliveryStatus.EXPIRED, reason, at);
            announcements.givenUp(delivery, reason);
        }
    }

    /** An interrupted attempt had reached the provider after all: the message is sent, and goes no second time. */
    void foundAtProvider(Delivery delivery, String phone, String provider, String providerMessageId, Instant at) {
        delivery.attempts++;
        delivery.provider = provider;
        DeliveryAttempt attempt = attempt(delivery, at);
        attempt.outcome = "sent";
        attempt.providerMessageId = providerMessageId;
        attempt.detail = "found at the provider: an earlier attempt was interrupted after it reached the provider";
        insert(attempt);
        delivery.providerMessageId = providerMessageId;
        texts.texted(delivery, phone, at);
        finish(delivery, DeliveryStatus.SENT, null, at);
    }

    /**
     * The delivery's validity ended before it could go. One that was being retried (its last retry planned just
     * inside the validity, picked up just outside it) is given up like one that expired at its last failure.
     */
    void expired(Delivery delivery, Instant at) {
        String reason = "its validity ended at " + delivery.expiresAt + " before it could go";
        finish(delivery, DeliveryStatus.EXPIRED, reason, at);
        if (delivery.attempts > 0) {
            announcements.givenUp(delivery, reason + ", while retrying");
        }
    }

    /** No channel may carry it (no consent, opted out, no address): the reason says which. */
    void suppressed(Delivery delivery, String reason, Instant at) {
        finish(delivery, DeliveryStatus.SUPPRESSED, reason, at);
    }

    private void finish(Delivery delivery, DeliveryStatus status, String reason, Instant at) {
        delivery.status = status;
        delivery.reason = reason;
        delivery.nextAttemptAt = null;
        delivery.unconfirmedSince = null;
        delivery.updatedAt = at;
        announcements.outcome(delivery, reason, at);
        LOG.infof("delivery %s (rule %s, booking %s) %s%s", delivery.eventId, delivery.ruleKey, delivery.bookingId,
                status, reason == null ? "" : ": " + reason);
    }

    private static DeliveryAttempt attempt(Delivery delivery, Instant at) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.attempt = delivery.attempts;
        attempt.channel = delivery.channel;
        attempt.provider = delivery.provider;
        attempt.attemptedAt = at;
        return attempt;
    }

    private void recordAttempt(Delivery delivery, SendResult result, Instant at) {
        DeliveryAttempt attempt = attempt(delivery, at);
        if (result instanceof SendResult.Sent sent) {
            attempt.outcome = "sent";
            attempt.providerMessageId = sent.providerMessageId();
        } else if (result instanceof SendResult.Transient failure) {
            attempt.outcome = "transient";
            attempt.httpStatus = failure.httpStatus();
            attempt.detail = failure.detail();
        } else if (result instanceof SendResult.Unanswered unanswered) {
            attempt.outcome = "unanswered";
            attempt.detail = unanswered.detail();
        } else if (result instanceof SendResult.Permanent permanent) {
            attempt.outcome = "permanent";
            attempt.httpStatus = permanent.httpStatus();
            attempt.errorCode = permanent.errorCode();
            attempt.detail = permanent.detail();
        }
        insert(attempt);
    }

    private static String describe(SendResult.Permanent permanent) {
        return (permanent.errorCode() == null ? "" : "error " + permanent.errorCode() + ", ") + permanent.detail();
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
