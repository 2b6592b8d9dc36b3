package io.aftercare.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A clinic's profile: its name, home time zone and language, the number its patients call, and how its messages go
 * out. Optional fields are null (or empty) when the clinic uses the deployment's defaults.
 */
@Entity
@Table(name = "clinic_profile")
public class ClinicProfile extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String locale;

    @Column(nullable = false)
    public String phone;

    @Column(name = "send_window_start")
    public LocalTime sendWindowStart;

    @Column(name = "send_window_end")
    public LocalTime sendWindowEnd;

    @Column(name = "sms_sender")
    public String smsSender;

    @Column(name = "sms_per_second")
    public Integer smsPerSecond;

    @Column(name = "email_sender")
    public String emailSender;

    @Column(name = "alert_email")
    public String alertEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis", nullable = false)
    public ConsentBasis consentBasis = ConsentBasis.EXPRESS_CONSENT;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "help_texts", nullable = false)
    public Map<String, String> helpTexts = Map.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ClinicWebhook> webhooks = List.of();

    /** The clinic's FHIR server, for Subscription notifications that carry only ids; null if it has none. */
    @Column(name = "fhir_base_url")
    public String fhirBaseUrl;

    /** The Authorization header value our reads from that server send; never answered back. */
    @Column(name = "fhir_authorization")
    public String fhirAuthorization;

    /** 1 for the first profile, one more with each change. */
    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
