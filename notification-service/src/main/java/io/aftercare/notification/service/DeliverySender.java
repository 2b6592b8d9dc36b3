package io.aftercare.notification.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.provider.EmailSender;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.provider.SmsProvider;

/** Sends a delivery by its chosen channel: texts at the sender's pace through the SMS provider, emails over SMTP. */
@ApplicationScoped
public class DeliverySender {

    private final SmsProvider sms;
    private final EmailSender email;
    private final SendPacer pacer;
    private final NotificationMetrics metrics;

    public DeliverySender(Instance<SmsProvider> sms, EmailSender email, SendPacer pacer, NotificationMetrics metrics) {
        this.sms = sms.get();
        this.email = email;
        this.pacer = pacer;
        this.metrics = metrics;
    }

    /** Records on the delivery which provider it went to, and the call's latency in the metrics. */
    SendResult send(Delivery delivery, ReminderDue event) {
        long started = System.nanoTime();
        SendResult result;
        if (delivery.channel == DeliveryChannel.SMS) {
            delivery.provider = sms.name();
            result = pacer.paced(() -> sms.send(event.recipient().phone(), event.messages().sms(), delivery.eventId));
        } else {
            delivery.provider = email.name();
            result = email.send(event.recipient().email(), event.messages().email().subject(),
                    event.messages().email().body(), delivery.eventId);
        }
        metrics.providerCall(delivery.provider, outcomeOf(result), Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private static String outcomeOf(SendResult result) {
        return result instanceof SendResult.Sent
                ? "sent"
                : result instanceof SendResult.Transient ? "transient" : "permanent";
    }
}
