package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryAttempt;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.messaging.NotificationStatus;
import io.aftercare.notification.messaging.OutboundEvents;
import io.aftercare.notification.messaging.RecipientPreferenceChanged;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.provider.EmailSender;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.provider.SmsProvider;
import io.aftercare.notification.provider.TwilioSmsProvider;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.OptOutRepository;
import io.smallrye.mutiny.Uni;

/**
 * Works off one batch of due deliveries: picks each one's channel, sends it at the sender's pace, and records the
 * outcome. Transient failures come back later (exponential backoff with jitter, at least the provider's Retry-After);
 * permanent ones fail at once; a reminder out of tries goes to the dead-letter topic with the reason. The row stays
 * locked while its provider call runs, so no other worker can send it too.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final OptOutRepository optOuts;
    private final ChannelSelector selector;
    private final SmsProvider sms;
    private final EmailSender email;
    private final SendPacer pacer;
    private final RetryPolicy retries;
    private final OutboundEvents events;
    private final ObjectMapper json;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public DeliveryProcessor(DeliveryRepository deliveries, OptOutRepository optOuts, ChannelSelector selector,
            Instance<SmsProvider> sms, EmailSender email, SendPacer pacer, RetryPolicy retries, OutboundEvents events,
            ObjectMapper json, NotificationMetrics metrics, Clock clock) {
        this.deliveries = deliveries;
        this.optOuts = optOuts;
        this.selector = selector;
        this.sms = sms.get();
        this.email = email;
        this.pacer = pacer;
        this.retries = retries;
        this.events = events;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @return how many deliveries were claimed */
    @Transactional
    public int processBatch(int limit) {
        List<Delivery> due = deliveries.claimDue(clock.instant(), limit);
        List<Uni<Void>> announcements = new ArrayList<>();
        for (Delivery delivery : due) {
            process(delivery, announcements);
        }
        if (!announcements.isEmpty()) {
            try {
                Uni.join().all(announcements).andCollectFailures().await().atMost(ACK_TIMEOUT);
            } catch (RuntimeException e) {
                // What was sent stays sent: rolling back here would send it twice. The rows keep the truth.
                LOG.warnf("some status events of this batch were not acknowledged by Kafka: %s", e.toString());
            }
        }
        return due.size();
    }

    private void process(Delivery delivery, List<Uni<Void>> announcements) {
        ReminderDue event = read(delivery.event);
        Instant now = clock.instant();
        if (!delivery.expiresAt.isAfter(now)) {
            String reason = "its validity ended at " + delivery.expiresAt + " before it could go";
            finish(delivery, DeliveryStatus.EXPIRED, reason, now, event, announcements);
            if (delivery.attempts > 0 && delivery.kind == DeliveryKind.REMINDER) {
                // Its last retry was planned just inside the validity and picked up just outside it: it ended
                // while retrying, so it is dead-lettered like one that expired at its last failure.
                announcements.add(events.deadLetter(delivery.eventId, delivery.bookingId.toString(), delivery.event,
                        reason + ", while retrying", delivery.attempts));
                metrics.deadLetter();
            }
            return;
        }
        ChannelChoice choice = selector.choose(event);
        if (choice.suppressed()) {
            finish(delivery, DeliveryStatus.SUPPRESSED, choice.reason(), now, event, announcements);
            return;
        }
        delivery.channel = choice.channel();
        long started = System.nanoTime();
        SendResult result = send(delivery, event);
        Instant after = clock.instant();
        metrics.providerCall(delivery.provider, outcomeOf(result), Duration.ofNanos(System.nanoTime() - started));
        delivery.attempts++;
        record(delivery, result, after);
        if (result instanceof SendResult.Sent sent) {
            delivery.providerMessageId = sent.providerMessageId();
            finish(delivery, DeliveryStatus.SENT, null, after, event, announcements);
        } else if (result instanceof SendResult.Permanent permanent) {
            if (TwilioSmsProvider.UNSUBSCRIBED.equals(permanent.errorCode())
                    && optOuts.optOut(DeliveryChannel.SMS, event.recipient().phone(), "21610", after)) {
                metrics.optOut("sms", "out");
                announcements.add(events.preference(
                        new RecipientPreferenceChanged("sms", event.recipient().phone(), true, after)));
            }
            finish(delivery, DeliveryStatus.FAILED, "refused by the provider: " + describe(permanent), after, event,
                    announcements);
        } else if (result instanceof SendResult.Transient failure) {
            Instant next = after.plus(retries.delay(delivery.attempts, failure.retryAfter()));
            if (!retries.worthAnotherTry(next, delivery.expiresAt)) {
                String reason = "its validity ended at " + delivery.expiresAt + " while retrying, after "
                        + delivery.attempts + " attempts; last: " + failure.detail();
                finish(delivery, DeliveryStatus.EXPIRED, reason, after, event, announcements);
                if (delivery.kind == DeliveryKind.REMINDER) {
                    announcements.add(events.deadLetter(delivery.eventId, delivery.bookingId.toString(),
                            delivery.event, reason, delivery.attempts));
                    metrics.deadLetter();
                }
            } else {
                metrics.retry(delivery.channel.name().toLowerCase(java.util.Locale.ROOT));
                delivery.status = DeliveryStatus.RETRYING;
                delivery.reason = failure.detail();
                delivery.nextAttemptAt = next;
                delivery.updatedAt = after;
            }
        }
    }

    private SendResult send(Delivery delivery, ReminderDue event) {
        if (delivery.channel == DeliveryChannel.SMS) {
            delivery.provider = sms.name();
            return pacer.paced(() -> sms.send(event.recipient().phone(), event.messages().sms(), delivery.eventId));
        }
        delivery.provider = email.name();
        return email.send(event.recipient().email(), event.messages().email().subject(),
                event.messages().email().body(), delivery.eventId);
    }

    private void finish(Delivery delivery, DeliveryStatus status, String reason, Instant now, ReminderDue event,
            List<Uni<Void>> announcements) {
        delivery.status = status;
        delivery.reason = reason;
        delivery.nextAttemptAt = null;
        delivery.updatedAt = now;
        metrics.notification(
                delivery.channel == null ? null : delivery.channel.name().toLowerCase(java.util.Locale.ROOT),
                status.name().toLowerCase(java.util.Locale.ROOT));
        if (delivery.kind == DeliveryKind.REMINDER) {
            announcements.add(events.status(delivery.eventId, new NotificationStatus(event.reminderId(),
                    event.clinicId(), event.bookingId(), status.name().toLowerCase(java.util.Locale.ROOT),
                    delivery.channel == null ? null : delivery.channel.name().toLowerCase(java.util.Locale.ROOT),
                    reason, now)));
        }
        LOG.infof("delivery %s (rule %s, booking %s) %s%s", delivery.eventId, delivery.ruleKey, delivery.bookingId,
                status, reason == null ? "" : ": " + reason);
    }

    private static String outcomeOf(SendResult result) {
        return result instanceof SendResult.Sent
                ? "sent"
                : result instanceof SendResult.Transient ? "transient" : "permanent";
    }

    private static void record(Delivery delivery, SendResult result, Instant at) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.attempt = delivery.attempts;
        attempt.channel = delivery.channel;
        attempt.provider = delivery.provider;
        attempt.attemptedAt = at;
        if (result instanceof SendResult.Sent sent) {
            attempt.outcome = "sent";
            attempt.providerMessageId = sent.providerMessageId();
        } else if (result instanceof SendResult.Transient failure) {
            attempt.outcome = "transient";
            attempt.httpStatus = failure.httpStatus();
            attempt.detail = failure.detail();
        } else if (result instanceof SendResult.Permanent permanent) {
            attempt.outcome = "permanent";
            attempt.httpStatus = permanent.httpStatus();
            attempt.errorCode = permanent.errorCode();
            attempt.detail = permanent.detail();
        }
        attempt.persist();
    }

    private static String describe(SendResult.Permanent permanent) {
        return (permanent.errorCode() == null ? "" : "error " + permanent.errorCode() + ", ") + permanent.detail();
    }

    private ReminderDue read(String eventJson) {
        try {
            return json.readValue(eventJson, ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not a reminders-due event", e);
        }
    }
}
