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

    /**
     * @param errorCode the provider's own code for the refusal, kept as it said it
     * @param unsubscribed whether the refusal means the number unsubscribed from the sender (Twilio's 21610): the
     *            provider knows its codes, the rest of the service reads this
     */
    record Permanent(Integer httpStatus, String errorCode, String detail, boolean unsubscribed) implements SendResult {

        /** A refusal that says nothing of the number's consent. */
        public Permanent(Integer httpStatus, String errorCode, String detail) {
            this(httpStatus, errorCode, detail, false);
        }
    }
}
