package io.aftercare.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.provider.EmailSender;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.provider.SmsProvider;

/**
 * Sends a delivery by its chosen channel, outside any transaction, and times each provider call: texts at the sender's
 * pace ({@link PacedTexts}), without holding a thread while the provider answers; emails over SMTP. Asks the provider,
 * before a message whose sender crashed mid-call goes again, whether it already has it.
 */
@ApplicationScoped
public class DeliverySender {

    private final SmsProvider sms;
    private final PacedTexts texts;
    private final EmailSender email;
    private final ClinicSenders senders;
    private final NotificationMetrics metrics;

    public DeliverySender(Instance<SmsProvider> sms, PacedTexts texts, EmailSender email, ClinicSenders senders,
            NotificationMetrics metrics) {
        this.sms = sms.get();
        this.texts = texts;
        this.email = email;
        this.senders = senders;
        this.metrics = metrics;
    }

    String provider(DeliveryChannel channel) {
        return channel == DeliveryChannel.SMS ? sms.name() : email.name();
    }

    /**
     * Starts the send and completes with the provider's answer. A text holds no thread while the provider answers
     * (it waits here only for its turn under the sender's pace); an email is sent on the caller's thread.
     */
    CompletionStage<SendResult> send(DeliveryChannel channel, ReminderDue event, String reference) {
        long started = System.nanoTime();
        CompletionStage<SendResult> sending = channel == DeliveryChannel.SMS
                ? texts.text(event, reference)
                : CompletableFuture.completedFuture(email.send(senders.email(event.clinicId()).orElse(null),
                        event.recipient().email(), event.messages().email().subject(),
                        event.messages().email().body(), reference));
        return sending.whenComplete((result, failure) -> {
            if (result != null) {
                metrics.providerCall(provider(channel), outcomeOf(result),
                        Duration.ofNanos(System.nanoTime() - started));
            }
        });
    }

    /**
     * The provider's id of the message, if it already has it. SMTP cannot be asked: an email whose sender crashed
     * mid-call goes again, and may arrive twice.
     *
     * @throws SmsProvider.ProviderUnreachable when the provider cannot say now
     */
    Optional<String> alreadySent(DeliveryChannel channel, ReminderDue event, Instant since, String reference) {
        return channel == DeliveryChannel.SMS
                ? sms.findSent(event.recipient().phone(), event.messages().sms(), since, reference)
                : Optional.empty();
    }

    private static String outcomeOf(SendResult result) {
        if (result instanceof SendResult.Sent) {
            return "sent";
        }
        if (result instanceof SendResult.Transient) {
            return "transient";
        }
        return result instanceof SendResult.Unanswered ? "unanswered" : "permanent";
    }
}
