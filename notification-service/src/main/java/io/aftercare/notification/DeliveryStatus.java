package io.aftercare.notification;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Recorded, not yet handed to a provider. */
    PENDING,
    /** Accepted by the provider. */
    SENT,
    /** Deliberately not sent: no channel the patient agreed to. */
    SUPPRESSED,
    /** Arrived after its validity window: stale advice is not sent. */
    EXPIRED
}
