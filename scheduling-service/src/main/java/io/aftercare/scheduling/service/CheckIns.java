package io.aftercare.scheduling.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.PatientReplied;
import io.aftercare.scheduling.repository.CheckInAnswers;
import io.aftercare.scheduling.repository.ProcessedEvents;

/**
 * Keeps the patient's latest check-in answer on their booking, where the clinic's view of the booking shows it, and
 * each urgent reply, which a FHIR clinic reads as a Task.
 */
@ApplicationScoped
public class CheckIns {

    private final CheckInAnswers answers;
    private final ProcessedEvents processed;
    private final Clock clock;

    public CheckIns(CheckInAnswers answers, ProcessedEvents processed, Clock clock) {
        this.answers = answers;
        this.processed = processed;
        this.clock = clock;
    }

    /** An older answer arriving late (redelivered, reordered) never replaces a newer one. */
    @Transactional
    public void answered(String eventId, PatientReplied reply) {
        if (!processed.firstTime(eventId, clock.instant())) {
            return;
        }
        if (reply.checkInScore() != null) {
            answers.keepScore(reply);
        }
        if (reply.urgent()) {
            answers.keepUrgent(reply);
        }
    }
}
