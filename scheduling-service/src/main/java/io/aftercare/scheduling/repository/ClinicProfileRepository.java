package io.aftercare.scheduling.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.ConsentBasis;

/**
 * Clinics' profiles, in plain JDBC. The JSON columns (HELP texts, webhooks) are written and read by a plain Jackson
 * mapper of their own, not by the REST mapper: that one is strict about input on purpose, and a stored column must
 * always read back.
 */
@ApplicationScoped
public class ClinicProfileRepository {

    private static final String COLUMNS = """
            clinic_id, name, time_zone, locale, phone, send_window_start, send_window_end, sms_sender, sms_per_second,
            email_sender, alert_email, consent_basis, help_texts, webhooks, fhir_base_url, fhir_authorization, version,
            updated_at""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HELP_TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<ClinicWebhook>> WEBHOOKS = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    public ClinicProfileRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClinicProfile> find(String clinicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic_profile WHERE clinic_id = :clinic")
                .set("clinic", clinicId)
                .first(ClinicProfileRepository::read);
    }

    /** The profile, its row locked until the transaction ends: another writer of it waits. */
    public Optional<ClinicProfile> findForUpdate(String clinicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic_profile WHERE clinic_id = :clinic FOR UPDATE")
                .set("clinic", clinicId)
                .first(ClinicProfileRepository::read);
    }

    public List<ClinicProfile> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic_profile").list(ClinicProfileRepository::read);
    }

    public void insert(ClinicProfile profile) {
        bind(jdbc.sql("INSERT INTO clinic_profile (" + COLUMNS + """
                ) VALUES (:clinic, :name, :timeZone, :locale, :phone, :windowStart, :windowEnd, :smsSender,
                    :smsPerSecond, :emailSender, :alertEmail, :consentBasis, CAST(:helpTexts AS jsonb),
                    CAST(:webhooks AS jsonb), :fhirBaseUrl, :fhirAuthorization, :version, :updatedAt)
                """), profile).update();
    }

    /** Writes every column of the profile. */
    public void update(ClinicProfile profile) {
        bind(jdbc.sql("""
                UPDATE clinic_profile SET name = :name, time_zone = :timeZone, locale = :locale, phone = :phone,
                    send_window_start = :windowStart, send_window_end = :windowEnd, sms_sender = :smsSender,
                    sms_per_second = :smsPerSecond, email_sender = :emailSender, alert_email = :alertEmail,
                    consent_basis = :consentBasis, help_texts = CAST(:helpTexts AS jsonb),
                    webhooks = CAST(:webhooks AS jsonb), fhir_base_url = :fhirBaseUrl,
                    fhir_authorization = :fhirAuthorization, version = :version, updated_at = :updatedAt
                WHERE clinic_id = :clinic
                """), profile).update();
    }

    /** Writes the profile's secrets (its webhooks and FHIR Authorization value) alone, as sealed by the caller. */
    public void updateSecrets(String clinicId, List<ClinicWebhook> webhooks, String fhirAuthorization) {
        jdbc.sql("""
                UPDATE clinic_profile SET webhooks = CAST(:webhooks AS jsonb), fhir_authorization = :fhirAuthorization
                WHERE clinic_id = :clinic
                """)
                .set("webhooks", json(webhooks))
                .set("fhirAuthorization", fhirAuthorization)
                .set("clinic", clinicId)
                .update();
    }

    private static Jdbc.Statement bind(Jdbc.Statement statement, ClinicProfile p) {
        return statement.set("clinic", p.clinicId)
                .set("name", p.name)
                .set("timeZone", p.timeZone)
                .set("locale", p.locale)
                .set("phone", p.phone)
                .set("windowStart", p.sendWindowStart)
                .set("windowEnd", p.sendWindowEnd)
                .set("smsSender", p.smsSender)
                .set("smsPerSecond", p.smsPerSecond)
                .set("emailSender", p.emailSender)
                .set("alertEmail", p.alertEmail)
                .set("consentBasis", p.consentBasis)
                .set("helpTexts", json(p.helpTexts))
                .set("webhooks", json(p.webhooks))
                .set("fhirBaseUrl", p.fhirBaseUrl)
                .set("fhirAuthorization", p.fhirAuthorization)
                .set("version", p.version)
                .set("updatedAt", p.updatedAt);
    }

    private static ClinicProfile read(ResultSet rows) throws SQLException {
        ClinicProfile p = new ClinicProfile();
        p.clinicId = rows.getString("clinic_id");
        p.name = rows.getString("name");
        p.timeZone = rows.getString("time_zone");
        p.locale = rows.getString("locale");
        p.phone = rows.getString("phone");
        p.sendWindowStart = rows.getObject("send_window_start", LocalTime.class);
        p.sendWindowEnd = rows.getObject("send_window_end", LocalTime.class);
        p.smsSender = rows.getString("sms_sender");
        p.smsPerSecond = Jdbc.integer(rows, "sms_per_second");
        p.emailSender = rows.getString("email_sender");
        p.alertEmail = rows.getString("alert_email");
        p.consentBasis = ConsentBasis.valueOf(rows.getString("consent_basis"));
        p.helpTexts = fromJson(rows.getString("help_texts"), HELP_TEXTS);
        p.webhooks = fromJson(rows.getString("webhooks"), WEBHOOKS);
        p.fhirBaseUrl = rows.getString("fhir_base_url");
        p.fhirAuthorization = rows.getString("fhir_authorization");
        p.version = rows.getInt("version");
        p.updatedAt = Jdbc.instant(rows, "updated_at");
        return p;
    }

    /** Null as SQL NULL, as the columns (NOT NULL) then refuse it. */
    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile's column could not be written as JSON", e);
        }
    }

    private static <T> T fromJson(String value, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a profile's JSON column could not be read", e);
        }
    }
}
