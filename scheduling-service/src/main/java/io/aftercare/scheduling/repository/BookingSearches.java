package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Booking;

/**
 * A clinic's bookings found by id, number or first name, newest treatment first, a page at a time. Only the clinic's
 * own rows are ever read: the clinic is the first condition of the query and of every index it uses.
 */
@ApplicationScoped
public class BookingSearches {

    /**
     * What to look for; any part may be null, at least one is not.
     *
     * @param phone canonical E.164, compared whole: the stored number is in the same form
     * @param namePrefix lower case, matched against the start of the stored first name in lower case
     */
    public record Criteria(String externalId, String phone, String namePrefix) {
    }

    /** The last row of the previous page: its treatment start and id. */
    public record After(Instant treatmentStart, UUID id) {
    }

    private final Jdbc jdbc;

    public BookingSearches(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Booking> page(String clinicId, Criteria criteria, After after, int limit) {
        List<String> matches = new ArrayList<>();
        if (criteria.externalId() != null) {
            matches.add("external_id = :externalId");
        }
        if (criteria.phone() != null) {
            matches.add("phone = :phone");
        }
        if (criteria.namePrefix() != null) {
            matches.add("lower(first_name) LIKE :prefix ESCAPE '\\'");
        }
        String sql = "SELECT " + BookingRepository.COLUMNS + " FROM booking WHERE clinic_id = :clinic AND ("
                + String.join(" OR ", matches) + ")"
                + (after == null ? "" : " AND (treatment_start, id) < (:afterStart, :afterId)")
                + " ORDER BY treatment_start DESC, id DESC LIMIT :limit";
        Jdbc.Statement query = jdbc.sql(sql)
                .set("clinic", clinicId)
                .set("limit", limit);
        if (criteria.externalId() != null) {
            query.set("externalId", criteria.externalId());
        }
        if (criteria.phone() != null) {
            query.set("phone", criteria.phone());
        }
        if (criteria.namePrefix() != null) {
            query.set("prefix", likePrefix(criteria.namePrefix()));
        }
        if (after != null) {
            query.set("afterStart", after.treatmentStart()).set("afterId", after.id());
        }
        return query.list(BookingRepository::read);
    }

    /** The prefix with LIKE's wildcards taken literally, then any rest. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
