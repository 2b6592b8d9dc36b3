package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ClinicProfileRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** @return whether the profile was newer than the copy (or the first one) and is now the copy */
    public boolean keepIfNewer(ClinicProfileChanged profile, Instant receivedAt) {
        int[] changed = JdbcBatch.execute(entityManager, """
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
        JdbcBatch.execute(entityManager, "DELETE FROM clinic_webhook_endpoint WHERE clinic_id = ?",
                List.<Object[]>of(new Object[]{profile.clinicId()}));
        List<ClinicProfileChanged.Webhook> webhooks = profile.webhooks() == null ? List.of() : profile.webhooks();
        entityManager.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO clinic_webhook_endpoint (clinic_id, endpoint_id, url, secret, events)
                    VALUES (?, ?, ?, ?, ?)
                    """)) {
                for (ClinicProfileChanged.Webhook webhook : webhooks) {
                    insert.setString(1, profile.clinicId());
                    insert.setString(2, webhook.id());
                    insert.setString(3, webhook.url());
                    insert.setString(4, webhook.secret());
                    insert.setArray(5, connection.createArrayOf("text", webhook.events().toArray()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The version of the clinic's copy, if there is one. */
    public Optional<Long> version(String clinicId) {
        @SuppressWarnings("unchecked")
        List<Number> found = entityManager
                .createNativeQuery("SELECT version FROM clinic_profile WHERE clinic_id = :clinic")
                .setParameter("clinic", clinicId)
                .getResultList();
        return found.stream().findFirst().map(Number::longValue);
    }

    public Optional<StoredProfile> find(String clinicId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT p.clinic_id, p.version, p.name, CAST(p.help_texts AS text),
                       COALESCE((SELECT string_agg(e.endpoint_id, ',' ORDER BY e.endpoint_id)
                                 FROM clinic_webhook_endpoint e WHERE e.clinic_id = p.clinic_id), '')
                FROM clinic_profile p WHERE p.clinic_id = :clinic
                """).setParameter("clinic", clinicId).getResultList();
        return rows.stream().findFirst().map(r -> new StoredProfile((String) r[0], ((Number) r[1]).longValue(),
                (String) r[2], read((String) r[3]),
                ((String) r[4]).isEmpty() ? List.of() : List.of(((String) r[4]).split(","))));
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
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("""
                SELECT sms_sender, sms_messages_per_second, email_sender FROM clinic_profile WHERE clinic_id = :clinic
                """).setParameter("clinic", clinicId).getResultList();
        return found.stream().findFirst()
                .map(row -> new Senders((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(),
                        (String) row[2]))
                .orElse(Senders.NONE);
    }

    /** Where the clinic's profile says urgent replies are emailed, if it says. */
    public Optional<String> alertEmail(String clinicId) {
        @SuppressWarnings("unchecked")
        List<String> found = entityManager
                .createNativeQuery("SELECT alert_email FROM clinic_profile WHERE clinic_id = :clinic")
                .setParameter("clinic", clinicId)
                .getResultList();
        return found.stream().filter(address -> address != null && !address.isBlank()).findFirst();
    }

    /** The clinic's own answer to HELP in this language, if its profile has one. */
    public Optional<String> helpText(String clinicId, String language) {
        @SuppressWarnings("unchecked")
        List<String> found = entityManager.createNativeQuery(
                "SELECT help_texts ->> :language FROM clinic_profile WHERE clinic_id = :clinic")
                .setParameter("language", language)
                .setParameter("clinic", clinicId)
                .getResultList();
        return found.stream().filter(text -> text != null && !text.isBlank()).findFirst();
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
