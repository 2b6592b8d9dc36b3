package io.aftercare.notification.service;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.provider.SmsProvider;

/**
 * Texts a reminder from the clinic's own sender if its profile has one (else the deployment's), at the sender's pace:
 * this instance's ({@link SendPacer}) and the one all instances share ({@link SharedSendPace}).
 */
@ApplicationScoped
public class PacedTexts {

    private final SmsProvider sms;
    private final SendPacer pacer;
    private final SharedSendPace sharedPace;
    private final ClinicSenders senders;

    public PacedTexts(Instance<SmsProvider> sms, SendPacer pacer, SharedSendPace sharedPace, ClinicSenders senders) {
        this.sms = sms.get();
        this.pacer = pacer;
        this.sharedPace = sharedPace;
        this.senders = senders;
    }

    /** Waits here only for its turn; completes with the provider's answer, holding no thread while it answers. */
    CompletionStage<SendResult> text(ReminderDue event, String reference) {
        return pacer.pacedAsync(() -> senders.sms(event.clinicId()).map(own -> {
            // The clinic's own sender, at its own pace across every instance.
            sharedPace.awaitSlot(own.from(), own.perSecond());
            return sms.sendAsync(own.from(), event.recipient().phone(), event.messages().sms(), reference);
        }).orElseGet(() -> {
            sharedPace.awaitSlot(sms.sender());
            return sms.sendAsync(event.recipient().phone(), event.messages().sms(), reference);
        }));
    }
}
