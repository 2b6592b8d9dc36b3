package io.aftercare.notification.provider;

import java.time.Duration;

/** How a provider took a message: accepted, refused for now (try again), unknown, or refused for good. */
public sealed interface SendResult permits SendResult.Sent, SendResult.Transient, SendResult.Unanswered,
        SendResult.Permanent {

    /** @param providerMessageId the provider's id, which its status callbacks name */
    record Sent(String providerMessageId) implements SendResult {
    }

    /** @param retryAfter what the provider asked us to wait (Retry-After), or null */
    record Transient(Integer httpStatus, String detail, Duration retryAfter) implements SendResult {
    }

    /**
     * The request may have reached the provider, but no answer came (a timeout, a connection lost mid-request): the
     * message may exist there. Retried like a transient failure, after asking the provider whether it has it.
     */
    record Unanswered(String detail) implements SendResult {
    }

    record Permanent(Integer httpStatus, String errorCode, String detail) implements SendResult {
    }
}
