package io.aftercare.scheduling.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.repository.BookingSearches;
import io.aftercare.scheduling.repository.BookingSearches.After;
import io.aftercare.scheduling.repository.BookingSearches.Criteria;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.ClinicProfiles;

/**
 * A clinic's bookings found by booking id, patient's number or the start of their first name (the console's patient
 * search), newest treatment first, a page at a time. Only the signed-in clinic's own bookings are ever searched.
 * Numbers are answered masked: a search by a name's first letter lists many patients, and a person picking one needs
 * the name and the last digits, not the number.
 */
@Path("/v1/clinics/{clinicId}/bookings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class BookingSearchResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    public record Found(UUID id, String externalId, String firstName, String phone, BookingStatus status,
            String treatmentType, Instant treatmentStart, String timeZone, PlanState planState) {
    }

    public record FoundPage(List<Found> items, String nextCursor) {
    }

    private final BookingSearches searches;
    private final ClinicProfiles profiles;
    private final ClinicAccess access;

    public BookingSearchResource(BookingSearches searches, ClinicProfiles profiles, ClinicAccess access) {
        this.searches = searches;
        this.profiles = profiles;
        this.access = access;
    }

    @GET
    @Transactional
    public FoundPage search(@PathParam("clinicId") String clinicId, @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        access.require(clinicId);
        int size = limit(limit);
        After after = decode(cursor);
        Criteria criteria = criteria(clinicId, q);
        List<Booking> rows = searches.page(clinicId, criteria, after, size + 1);
        boolean more = rows.size() > size;
        List<Booking> shown = more ? rows.subList(0, size) : rows;
        Booking last = more ? shown.get(size - 1) : null;
        return new FoundPage(shown.stream().map(BookingSearchResource::found).toList(),
                last == null ? null : encode(new After(last.treatmentStart, last.id)));
    }

    private Criteria criteria(String clinicId, String q) {
        String region = profiles.of(clinicId).map((ClinicProfile p) -> BookingQuery.regionOf(p.phone)).orElse(null);
        try {
            return BookingQuery.parse(q, region);
        } catch (IllegalArgumentException e) {
            throw ReminderResource.invalid("q", e.getMessage());
        }
    }

    private static Found found(Booking b) {
        return new Found(b.id, b.externalId, b.firstName, BookingQuery.mask(b.phone), b.status, b.treatmentType,
                b.treatmentStart, b.timeZone, b.planState);
    }

    /** A number from 1 to 100; not a number at all is a bad field too, never a 404 or a 500. */
    static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ReminderResource.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** The last row of a page as (treatment start, id), base64url so that clients treat it as opaque. */
    static String encode(After after) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((after.treatmentStart() + "|" + after.id()).getBytes(StandardCharsets.UTF_8));
    }

    static After decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new After(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ReminderResource.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
