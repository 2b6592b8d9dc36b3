package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

/** One try at a provider and how it went. */
public final class DeliveryAttempt {

    public UUID id;
    public UUID deliveryId;
    public int attempt;
    public DeliveryChannel channel;
    public String provider;

    /** sent, transient or permanent. */
    public String outcome;
    public Integer httpStatus;
    public String errorCode;
    public String detail;
    public String providerMessageId;
    public Instant attemptedAt;
}
