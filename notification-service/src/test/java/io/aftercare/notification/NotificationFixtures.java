package io.aftercare.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.CloudEventWriter;

/** Reminder events as the scheduling service publishes them, and waiting for their outcome. */
public final class NotificationFixtures {

    public static final String TYPE = "io.aftercare.reminder.due.v1";

    private NotificationFixtures() {
    }

    /** A valid Spanish mobile number no other test uses. */
    public static String phone() {
        return "+346" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    public record Event(UUID reminderId, String json) {
    }

    public static Event event(String phone, String email, boolean smsConsent, boolean emailConsent,
            String preferredChannel, String locale, String zone, String priority, Instant expiresAt) {
        return event(phone, email, smsConsent, emailConsent, preferredChannel, locale, zone, priority, Instant.now(),
                expiresAt);
    }

    public static Event event(String phone, String email, boolean smsConsent, boolean emailConsent,
            String preferredChannel, String locale, String zone, String priority, Instant dueAt, Instant expiresAt) {
        UUID reminderId = UUID.randomUUID();
        String json = """
                {"reminderId": "%s", "clinicId": "clinic-n", "bookingId": "%s", "bookingRef": "ext-1",
                 "recipient": {"firstName": "Ana", "phone": %s, "email": %s, "locale": "%s", "timeZone": "%s",
                               "preferredChannel": "%s", "smsConsent": %s, "emailConsent": %s},
                 "ruleKey": "avoid-sun", "occurrence": 0, "category": "sun", "protocolVersion": 1,
                 "priority": "%s", "channels": ["sms", "email"], "locale": "%s",
                 "dueAt": "%s", "expiresAt": "%s",
                 "messages": {"sms": "Hola Ana, evita el sol directo durante 48 horas.",
                              "email": {"subject": "Evita el sol durante 48 horas",
                                        "body": "Hola Ana:\\n\\nDespués del microneedling tu piel es más sensible."}}}
                """.formatted(reminderId, UUID.randomUUID(), quoted(phone), quoted(email), locale, zone,
                preferredChannel, smsConsent, emailConsent, priority, locale, dueAt, expiresAt);
        return new Event(reminderId, json);
    }

    /** A text-first event, consented, due now for a patient in daytime, valid for hours. */
    public static Event smsEvent(String phone) {
        return event(phone, "ana@example.com", true, true, "sms", "es", MiddayZone.now(), "normal",
                Instant.now().plus(6, ChronoUnit.HOURS));
    }

    /** A text due now for a booking of a clinic, in the category given ({@code check-in} asks the check-in). */
    public static Event forBooking(String phone, String clinicId, UUID bookingId, String category, String locale) {
        Event event = event(phone, "ana@example.com", true, true, "sms", locale, MiddayZone.now(), "normal",
                Instant.now().plus(6, ChronoUnit.HOURS));
        String json = event.json()
                .replace("\"clinicId\": \"clinic-n\"", "\"clinicId\": \"" + clinicId + "\"")
                .replaceFirst("\"bookingId\": \"[^\"]+\"", "\"bookingId\": \"" + bookingId + "\"")
                .replace("\"category\": \"sun\"", "\"category\": \"" + category + "\"");
        return new Event(event.reminderId(), json);
    }

    public static void publish(String bootstrapServers, Event event) {
        publish(bootstrapServers, event, event.reminderId().toString());
    }

    /** Under another event id, as scheduling republishes a reminder sent again from the ops page. */
    public static void publish(String bootstrapServers, Event event, String eventId) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("reminders-due", UUID.randomUUID().toString(), eventId, TYPE, event.json());
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
