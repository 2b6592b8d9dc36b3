package io.aftercare.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A clinic's profile: its name, home time zone and language, the number its patients call, and how its messages go
 * out. Optional fields are null (or empty) when the clinic uses the deployment's defaults.
 */
public final class ClinicProfile {
    public String clinicId;
    public String name;
    public String timeZone;
    public String locale;
    public String phone;
    public LocalTime sendWindowStart;
    public LocalTime sendWindowEnd;
    public String smsSender;
    public Integer smsPerSecond;
    public String emailSender;
    public String alertEmail;
    public ConsentBasis consentBasis = ConsentBasis.EXPRESS_CONSENT;
    public Map<String, String> helpTexts = Map.of();
    public List<ClinicWebhook> webhooks = List.of();

    /** The clinic's FHIR server, for Subscription notifications that carry only ids; null if it has none. */
    public String fhirBaseUrl;

    /** The Authorization header value our reads from that server send; never answered back. */
    public String fhirAuthorization;

    /** 1 for the first profile, one more with each change. */
    public int version;
    public Instant updatedAt;
}
