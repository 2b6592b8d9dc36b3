package io.aftercare.scheduling;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.aftercare.localstack.MiddayZone;

/** Booking bodies as a clinic's booking system would send them. */
public final class BookingFixtures {

    private BookingFixtures() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String booking(OffsetDateTime start, OffsetDateTime end, String status) {
        return booking(start, end, status, MiddayZone.now(), null);
    }

    public static String booking(OffsetDateTime start, OffsetDateTime end, String status, String zone,
            Long sourceVersion) {
        return """
                {
                  "patient": {
                    "firstName": "Ana",
                    "phone": "+34612345678",
                    "email": "ana@example.com",
                    "locale": "es",
                    "timeZone": "%s",
                    "preferredChannel": "sms",
                    "consent": {"sms": true, "email": true}
                  },
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "%s"%s
                }
                """.formatted(zone, start, end, status,
                sourceVersion == null ? "" : ",\n  \"sourceVersion\": " + sourceVersion);
    }

    /** Waits for a reminder of the rule to reach the state; returns its id. */
    public static String awaitState(String path, String ruleKey, String state) {
        String clinic = path.split("/")[3];
        return await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                .until(() -> Clinics.as(clinic).get(path).jsonPath().getString(
                        "reminders.find { it.ruleKey == '" + ruleKey + "' && it.state == '" + state + "' }.id"),
                        Objects::nonNull);
    }
}
