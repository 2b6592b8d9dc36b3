package io.aftercare.notification.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * This service's reading of a {@code clinic-profiles} event (contracts/schemas/clinic-profile.schema.json): a clinic's
 * whole profile as scheduling, which owns it, last wrote it. The copy with the highest {@code version} wins. Optional
 * parts are null when the clinic has not set them.
 */
public record ClinicProfileChanged(String clinicId, long version, String name, String timeZone, String locale,
        String phone, SendWindow sendWindow, Sms sms, String emailSender, String alertEmail, String consentBasis,
        Map<String, String> helpTexts, List<Webhook> webhooks, Instant updatedAt) {

    public static final String TYPE = "io.aftercare.clinic.profile.changed.v1";

    public record SendWindow(String start, String end) {
    }

    public record Sms(String sender, int messagesPerSecond) {
    }

    /** An endpoint of the clinic's system, the events it wants, and its Standard Webhooks secret. */
    public record Webhook(String id, String url, String secret, List<String> events) {
    }
}
