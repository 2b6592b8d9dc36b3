package io.aftercare.notification;

/**
 * What a delivery carries: a reminder the scheduling service planned (reported back to it), or a message to a patient
 * who wrote to us, from the clinic's staff or the automatic answer to an urgent reply (scheduling knows nothing of
 * those, so they are not reported to it).
 */
public enum DeliveryKind {
    REMINDER, REPLY
}
