package io.aftercare.console.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of scheduling's patient search ({@code GET /v1/clinics/{c}/bookings?q=}); numbers come masked. */
public record BookingMatches(List<Match> items, String nextCursor) {

    public record Match(UUID id, String externalId, String firstName, String phone, String status,
            String treatmentType, Instant treatmentStart, String timeZone, String planState) {
    }
}
