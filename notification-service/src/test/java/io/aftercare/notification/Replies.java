package io.aftercare.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads and ages patients' replies as the tests need, each in a transaction of its own. */
@ApplicationScoped
public class Replies {

    @Transactional
    public List<PatientReply> ofBooking(UUID bookingId) {
        return PatientReply.list("bookingId = ?1 order by receivedAt", bookingId);
    }

    @Transactional
    public void receivedAt(UUID replyId, Instant at) {
        PatientReply.<PatientReply>findById(replyId).receivedAt = at;
    }

    @Transactional
    public boolean exists(UUID replyId) {
        return PatientReply.findById(replyId) != null;
    }
}
