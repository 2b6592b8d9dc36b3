package io.aftercare.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.aftercare.events.ReminderDue;
import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.CloudEventWriter;

/** Reminder events as the scheduling service publishes them, and waiting for their outcome. */
public final class NotificationFixtures {

    public static final String TYPE = ReminderDue.TYPE;

    /** As the services' Kafka serializers write: ISO-8601 instants. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private NotificationFixtures() {
    }

    /** A valid Spanish mobile number no other test uses. */
    public static String phone() {
        return "+346" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** The event's id and the JSON of it as published. */
    public record Event(UUID reminderId, String json) {

        static Event of(ReminderDue reminder) {
            try {
                return new Event(reminder.reminderId(), JSON.writeValueAsString(reminder));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same reminder for a booking of another clinic. */
        public Event at(String clinicId, UUID bookingId) {
            ReminderDue r = reminder();
            return of(new ReminderDue(r.reminderId(), clinicId, bookingId, r.bookingRef(), r.recipient(), r.ruleKey(),
                    r.occurrence(), r.category(), r.protocolVersion(), r.priority(), r.channels(), r.locale(),
                    r.dueAt(), r.expiresAt(), r.messages()));
        }

        public ReminderDue reminder() {
            try {
                return JSON.readValue(json, ReminderDue.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Event event(String phone, String email, boolean smsConsent, boolean emailConsent,
            String preferredChannel, String locale, String zone, String priority, Instant expiresAt) {
        return event(phone, email, smsConsent, emailConsent, preferredChannel, locale, zone, priority, Instant.now(),
                expiresAt);
    }

    public static Event event(String phone, String email, boolean smsConsent, boolean emailConsent,
            String preferredChannel, String locale, String zone, String priority, Instant dueAt, Instant expiresAt) {
        return Event.of(reminder("clinic-n", UUID.randomUUID(), "sun",
                new ReminderDue.Recipient("Ana", phone, email, locale, zone, preferredChannel, smsConsent,
                        emailConsent),
                priority, locale, dueAt, expiresAt));
    }

    /** A text-first event, consented, due now for a patient in daytime, valid for hours. */
    public static Event smsEvent(String phone) {
        return event(phone, "ana@example.com", true, true, "sms", "es", MiddayZone.now(), "normal",
                Instant.now().plus(6, ChronoUnit.HOURS));
    }

    /** A text due now for a booking of a clinic, in the category given ({@code check-in} asks the check-in). */
    public static Event forBooking(String phone, String clinicId, UUID bookingId, String category, String locale) {
        return Event.of(reminder(clinicId, bookingId, category,
                new ReminderDue.Recipient("Ana", phone, "ana@example.com", locale, MiddayZone.now(), "sms", true,
                        true),
                "normal", locale, Instant.now(), Instant.now().plus(6, ChronoUnit.HOURS)));
    }

    private static ReminderDue reminder(String clinicId, UUID bookingId, String category,
            ReminderDue.Recipient recipient, String priority, String locale, Instant dueAt, Instant expiresAt) {
        return new ReminderDue(UUID.randomUUID(), clinicId, bookingId, "ext-1", recipient, "avoid-sun", 0, category,
                1, priority, List.of("sms", "email"), locale, dueAt, expiresAt,
                new ReminderDue.RenderedMessages("Hola Ana, evita el sol directo durante 48 horas.",
                        new ReminderDue.Email("Evita el sol durante 48 horas",
                                "Hola Ana:\n\nDespués del microneedling tu piel es más sensible.")));
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

}
