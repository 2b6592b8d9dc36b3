package io.aftercare.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.repository.SmsConversations;

/**
 * Remembers each text that reached the provider: the patient may now answer its sender, and the answer belongs to the
 * booking that texted ({@link SmsConversations}). Within {@link #together} the texts of a batch are written in one go
 * at its end.
 */
@ApplicationScoped
public class TextedNumbers {

    private final SmsConversations conversations;
    private final ClinicSenders senders;
    /** The texts that went out in the batch {@link #together} records on this thread, written at its end. */
    private final ThreadLocal<List<SmsConversations.Texted>> texted = new ThreadLocal<>();

    public TextedNumbers(SmsConversations conversations, ClinicSenders senders) {
        this.conversations = conversations;
        this.senders = senders;
    }

    /** Runs the recording of a batch, writing the texts it sent at its end. */
    void together(Runnable recording) {
        List<SmsConversations.Texted> batch = new ArrayList<>();
        texted.set(batch);
        try {
            recording.run();
        } finally {
            texted.remove();
        }
        conversations.textedAll(batch);
    }

    /** A delivery reached the provider; only a text to a number starts a conversation. */
    void texted(Delivery delivery, String phone, Instant at) {
        if (delivery.channel != DeliveryChannel.SMS || phone == null) {
            return;
        }
        SmsConversations.Texted one = new SmsConversations.Texted(phone, senders.smsFrom(delivery.clinicId),
                delivery.clinicId, delivery.bookingId, at);
        List<SmsConversations.Texted> batch = texted.get();
        if (batch != null) {
            batch.add(one);
        } else {
            conversations.textedAll(List.of(one));
        }
    }
}
