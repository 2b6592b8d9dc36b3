package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ClinicProfileChanged;

/**
 * This service's copy of each clinic's profile and webhook endpoints. A profile replaces the stored one only when its
 * version is higher, so replays and late older events change nothing, whatever order they arrive in.
 */
@ApplicationScoped
public class ClinicProfileRepository {

    /** The stored profile, as far as this service reads it back. */
    public record StoredProfile(String clinicId, long version, String name, Map<String, String> helpTexts,
            List<String> endpointIds) {
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public ClinicProfileRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return whether the profile was newer than the copy (or the first one) and is now the copy */
    public boolean keepIfNewer(ClinicProfileChanged profile, Instant receivedAt) {
        int[] changed = jdbc.batch("""
                INSERT INTO clinic_profile (clinic_id, version, name, time_zone, locale, phone, send_window_start,
                                            send_window_end, sms_sender, sms_messages_per_second, email_sender,
                                            alert_email, consent_basis, help_texts, updated_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                ON CONFLICT (clinic_id) DO UPDATE
                   SET version = EXCLUDED.version, name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
                       locale = EXCLUDED.locale, phone = EXCLUDED.phone,
                       send_window_start = EXCLUDED.send_window_start, send_window_end = EXCLUDED.send_window_end,
                       sms_sender = EXCLUDED.sms_sender, sms_messages_per_second = EXCLUDED.sms_messages_per_second,
                       email_sender = EXCLUDED.email_sender, alert_email = EXCLUDED.alert_email,
                       consent_basis = EXCLUDED.consent_basis, help_texts = EXCLUDED.help_texts,
                       updated_at = EXCLUDED.updated_at, received_at = EXCLUDED.received_at
                 WHERE clinic_profile.version < EXCLUDED.version
                """, List.<Object[]>of(new Object[]{profile.clinicId(), profile.version(), profile.name(),
                profile.timeZone(), profile.locale(), profile.phone(),
                profile.sendWindow() == null ? null : profile.sendWindow().start(),
                profile.sendWindow() == null ? null : profile.sendWindow().end(),
                profile.sms() == null ? null : profile.sms().sender(),
                profile.sms() == null ? null : profile.sms().messagesPerSecond(), profile.emailSender(),
                profile.alertEmail(), profile.consentBasis(),
                write(profile.helpTexts() == null ? Map.of() : profile.helpTexts()), profile.updatedAt(),
                receivedAt}));
        if (changed[0] == 0) {
            return false;
        }
        replaceWebhooks(profile);
        return true;
    }

    /** The clinic's webhook endpoints become the profile's, all of them. */
    private void replaceWebhooks(ClinicProfileChanged profile) {
        jdbc.update("DELETE FROM clinic_webhook_endpoint WHERE clinic_id = ?", profile.clinicId());
        List<ClinicProfileChanged.Webhook> webhooks = profile.webhooks() == null ? List.of() : profile.webhooks();
        // The events go as a text array (Jdbc binds a list as one).
        jdbc.batch("""
                INSERT INTO clinic_webhook_endpoint (clinic_id, endpoint_id, url, secret, events)
                VALUES (?, ?, ?, ?, ?)
                """, webhooks.stream()
                .map(webhook -> new Object[]{profile.clinicId(), webhook.id(), webhook.url(), webhook.secret(),
                        List.copyOf(webhook.events())})
                .toList());
    }

    /** The version of the clinic's copy, if there is one. */
    public Optional<Long> version(String clinicId) {
        return jdbc.first("SELECT version FROM clinic_profile WHERE clinic_id = ?", row -> row.getLong(1), clinicId);
    }

    public Optional<StoredProfile> find(String clinicId) {
        return jdbc.first("""
                SELECT p.clinic_id, p.version, p.name, CAST(p.help_texts AS text),
                       COALESCE((SELECT string_agg(e.endpoint_id, ',' ORDER BY e.endpoint_id)
                                 FROM clinic_webhook_endpoint e WHERE e.clinic_id = p.clinic_id), '')
                FROM clinic_profile p WHERE p.clinic_id = ?
                """, r -> new StoredProfile(r.getString(1), r.getLong(2), r.getString(3), read(r.getString(4)),
                r.getString(5).isEmpty() ? List.of() : List.of(r.getString(5).split(","))), clinicId);
    }

    /**
     * A clinic's own senders, each null when its profile leaves it to the deployment.
     *
     * @param smsFrom a number or Messaging Service SID, with {@code smsPerSecond}
     * @param emailFrom the From of its emails
     */
    public record Senders(String smsFrom, Integer smsPerSecond, String emailFrom) {

        public static final Senders NONE = new Senders(null, null, null);
    }

    /** The clinic's own senders, as its profile gives them. */
    public Senders senders(String clinicId) {
        return jdbc.first("""
                SELECT sms_sender, sms_messages_per_second, email_sender FROM clinic_profile WHERE clinic_id = ?
                """, row -> new Senders(row.getString(1), Jdbc.integer(row, "sms_messages_per_second"),
                row.getString(3)), clinicId).orElse(Senders.NONE);
    }

    /** Where the clinic's profile says urgent replies are emailed, if it says. */
    public Optional<String> alertEmail(String clinicId) {
        return jdbc.first("SELECT alert_email FROM clinic_profile WHERE clinic_id = ?", row -> row.getString(1),
                clinicId).filter(address -> address != null && !address.isBlank());
    }

    /** The clinic's own answer to HELP in this language, if its profile has one. */
    public Optional<String> helpText(String clinicId, String language) {
        return jdbc.first("SELECT help_texts ->> ? FROM clinic_profile WHERE clinic_id = ?", row -> row.getString(1),
                language, clinicId).filter(text -> text != null && !text.isBlank());
    }

    private String write(Map<String, String> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String value) {
        try {
            return json.readValue(value, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored profile's help texts are not JSON", e);
        }
    }
}
