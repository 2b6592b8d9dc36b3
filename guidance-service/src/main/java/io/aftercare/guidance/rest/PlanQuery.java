package io.aftercare.guidance.rest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.service.Placeholders;
import io.aftercare.problem.InputPatterns;
import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;

/** The query of the plan endpoint: when the treatment ended, where and who the patient is, when they may be texted. */
public class PlanQuery {

    @QueryParam("treatedAt")
    @NotBlank
    public String treatedAt;

    @QueryParam("zone")
    @NotBlank
    public String zone;

    @QueryParam("locale")
    @DefaultValue("en")
    @Pattern(regexp = InputPatterns.LANGUAGE_TAG, message = "must be a language tag such as en or es-MX")
    public String locale;

    @QueryParam("clinicId")
    @Pattern(regexp = ProtocolResource.CLINIC)
    public String clinicId;

    @QueryParam("firstName")
    @NotBlank
    @Size(max = Placeholders.FIRST_NAME_MAX)
    public String firstName;

    @QueryParam("clinicName")
    @Size(min = 1, max = Placeholders.CLINIC_NAME_MAX)
    public String clinicName;

    /** The clinic's phone from its profile (scheduling's), over the override's. */
    @QueryParam("clinicPhone")
    @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +34912345678")
    public String clinicPhone;

    /**
     * The clinic's basis for texting from its profile: a healthcare exemption caps the budget, as the override's
     * does; the stricter of the two holds.
     */
    @QueryParam("consentBasis")
    @Pattern(regexp = "express-consent|healthcare-exemption", message = "must be express-consent or healthcare-exemption")
    public String consentBasis;

    /** The patient agreed to messages about booking more (the "next session" message needs it). */
    @QueryParam("marketingConsent")
    @DefaultValue("false")
    public boolean marketingConsent;

    @QueryParam("windowStart")
    public String windowStart;

    @QueryParam("windowEnd")
    public String windowEnd;

    record Parsed(Instant treatedAt, ZoneId zone, SendWindow window) {
    }

    /** The values bean validation cannot check: all faults at once, as 400. "Now" is the service's clock. */
    Parsed parse(Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = null;
        try {
            end = OffsetDateTime.parse(treatedAt).toInstant();
            if (end.isBefore(Instant.parse("2000-01-01T00:00:00Z"))
                    || end.isAfter(clock.instant().plusSeconds(10L * 366 * 24 * 3600))) {
                errors.add(new FieldError("treatedAt", "must lie between the year 2000 and ten years from now"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("treatedAt", "must be an ISO-8601 date-time with offset, "
                    + "such as 2026-03-07T17:00:00-05:00"));
        }
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone);
            if (!zone.contains("/") && !zone.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
        } catch (DateTimeException e) {
            zoneId = null;
            errors.add(new FieldError("zone", "must be an IANA time zone such as America/New_York"));
        }
        SendWindow window = null;
        if (windowStart != null || windowEnd != null) {
            try {
                window = new SendWindow(LocalTime.parse(windowStart), LocalTime.parse(windowEnd));
                if (!window.start().isBefore(window.end())) {
                    errors.add(new FieldError("windowEnd", "must be after windowStart"));
                }
            } catch (DateTimeParseException | NullPointerException e) {
                errors.add(new FieldError("windowStart", "windowStart and windowEnd go together, as HH:mm"));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(400, "Invalid request",
                    "The request has " + errors.size() + " invalid field(s).", errors);
        }
        return new Parsed(end, zoneId, window);
    }
}
