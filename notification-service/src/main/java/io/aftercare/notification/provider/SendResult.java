package io.aftercare.notification.provider;

import java.time.Duration;

/** How a provider took a message: accepted, refused for now (try again), or refused for good. */
public sealed interface SendResult permits SendResult.Sent, SendResult.Transient, SendResult.Permanent {

    /** @param providerMessageId the provider's id, which its status callbacks name */
    record Sent(String providerMessageId) implements SendResult {
    }

    /** @param retryAfter what the provider asked us to wait (Retry-After), or null */
    record Transient(Integer httpStatus, String detail, Duration retryAfter) implements SendResult {
    }

    record Permanent(Integer httpStatus, String errorCode, String detail) implements SendResult {
    }
}
