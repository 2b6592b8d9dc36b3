package io.aftercare.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.PatientReplied;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.messaging.EventOutbox;

/**
 * Tells of a filed reply, in the transaction that files it: on {@code patient-replies} through the event outbox, and
 * to the clinic's webhook endpoints (patient.replied, and reply.urgent when urgent).
 */
@ApplicationScoped
public class ReplyAnnouncements {

    private final EventOutbox outbox;
    private final ClinicWebhooks webhooks;

    public ReplyAnnouncements(EventOutbox outbox, ClinicWebhooks webhooks) {
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void filed(PatientReply reply) {
        outbox.reply(new PatientReplied(reply.id, reply.clinicId, reply.bookingId, reply.bookingRef, reply.language,
                reply.checkInScore, reply.urgent, reply.urgentReason, reply.receivedAt));
        webhooks.replied(reply);
    }
}
