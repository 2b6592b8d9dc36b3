package io.aftercare.notification;

/** Where a delivery stands. SENT, DELIVERED, UNDELIVERED, FAILED, SUPPRESSED and EXPIRED are final for sending. */
public enum DeliveryStatus {
    /** Recorded; a worker sends it as soon as it can. */
    PENDING,
    /** Non-urgent and outside the patient's send window: waits for the window to open. */
    WAITING,
    /** A transient failure; tried again at {@code nextAttemptAt}. */
    RETRYING,
    /**
     * A worker is calling the provider; its lease ends at {@code nextAttemptAt}. One still here after that was
     * abandoned mid-call (the worker crashed): the provider is asked whether it has the message before it is sent.
     */
    SENDING,
    /** Accepted by the provider. */
    SENT,
    /** The provider reports it reached the phone. */
    DELIVERED,
    /** The provider reports it could not reach the phone. */
    UNDELIVERED,
    /** Refused for good, or out of retries (then also on the dead-letter topic). */
    FAILED,
    /** Deliberately not sent: no channel the patient agreed to. */
    SUPPRESSED,
    /** Its validity ended before it could be sent: stale advice is not sent. */
    EXPIRED;

    /** The order in which provider reports may move a sent message on; a later report never moves it back. */
    public int providerRank() {
        return switch (this) {
            case SENT -> 1;
            case DELIVERED, UNDELIVERED, FAILED -> 2;
            default -> 0;
        };
    }
}
