package io.aftercare.notification.provider;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Something that can hand a text message to the phone networks. */
public interface SmsProvider {

    /** A short name recorded with each delivery, such as {@code console} or {@code twilio}. */
    String name();

    /** The sender whose pace the provider holds us to: a number or a Messaging Service; by default the provider. */
    default String sender() {
        return name();
    }

    /**
     * @param to an E.164 number
     * @param reference our id for the message, so that provider records can be traced back
     */
    SendResult send(String to, String body, String reference);

    /**
     * The same without holding a thread while the provider answers; by default the call runs on the caller's thread.
     */
    default CompletionStage<SendResult> sendAsync(String to, String body, String reference) {
        return CompletableFuture.completedFuture(send(to, body, reference));
    }

    /**
     * From a clinic's own sender (a number or a Messaging Service), where the provider has such a thing; by default
     * from the provider's one sender.
     */
    default CompletionStage<SendResult> sendAsync(String from, String to, String body, String reference) {
        return sendAsync(to, body, reference);
    }

    /**
     * Whether the provider already has this message: asked before sending again a message whose sender crashed
     * mid-call, so that the patient does not get it twice.
     *
     * @param since when the first attempt may have been made
     * @return the provider's id of the message, if it has it
     * @throws ProviderUnreachable when the provider cannot say now; then nothing may be sent yet
     */
    Optional<String> findSent(String to, String body, Instant since, String reference);

    /** The provider could not be asked. */
    class ProviderUnreachable extends RuntimeException {
        public ProviderUnreachable(String message) {
            super(message);
        }
    }
}
