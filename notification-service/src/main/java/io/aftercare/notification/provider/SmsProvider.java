package io.aftercare.notification.provider;

/** Something that can hand a text message to the phone networks. */
public interface SmsProvider {

    /** A short name recorded with each delivery, such as {@code console} or {@code twilio}. */
    String name();

    /**
     * @param to an E.164 number
     * @param reference our id for the message, so that provider records can be traced back
     */
    SendResult send(String to, String body, String reference);
}
