package io.aftercare.scheduling.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.ReminderState;

/**
 * The ops page's SQL: aggregates over the reminder table, optionally for one clinic. Each query is written with or
 * without its clinic condition rather than with {@code (? IS NULL OR clinic_id = ?)}, which would keep PostgreSQL
 * from planning an index range for either case.
 */
@ApplicationScoped
public class OpsQueries {

    static final int LATENESS_SAMPLE = 10_000;

    private final Jdbc jdbc;

    public OpsQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public OpsOverview.Funnel funnel(String clinicId, Instant from) {
        // Each figure is its own range over an index on the column it filters by, so the cost follows what
        // happened in the period, not the size of the table (millions of future reminders cost nothing here). The
        // reminders planned in the period are summed from their per-hour counts (V11), the part-hour the period
        // starts with counted live.
        String clinic = clinicId == null ? "" : " AND clinic_id = ?";
        Instant firstWholeHour = from.truncatedTo(ChronoUnit.HOURS);
        if (firstWholeHour.isBefore(from)) {
            firstWholeHour = firstWholeHour.plus(Duration.ofHours(1));
        }
        Timestamp since = Timestamp.from(from);
        Timestamp wholeHours = Timestamp.from(firstWholeHour);
        return work(ReminderState.sql("""
                SELECT
                  (SELECT count(*) FROM booking WHERE created_at >= ?%1$s),
                  (SELECT coalesce(sum(reminders), 0) FROM reminder_created_count WHERE hour >= ?%1$s)
                    + (SELECT count(*) FROM reminder WHERE created_at >= ? AND created_at < ?%1$s),
                  d.dispatched, d.sent, d.delivered, d.failed, d.suppressed,
                  (SELECT count(*) FROM reminder WHERE state = {EXPIRED} AND due_at >= ?%1$s)
                    + (SELECT count(*) FROM reminder WHERE notified_status = 'expired' AND notified_at >= ?%1$s),
                  (SELECT count(*) FROM reminder WHERE state = {REVOKED} AND created_at >= ?%1$s)
                FROM (SELECT count(*) AS dispatched,
                        count(*) FILTER (WHERE notified_status IN ('sent', 'delivered', 'undelivered')) AS sent,
                        count(*) FILTER (WHERE notified_status = 'delivered') AS delivered,
                        count(*) FILTER (WHERE notified_status IN ('failed', 'undelivered')) AS failed,
                        count(*) FILTER (WHERE notified_status = 'suppressed') AS suppressed
                      FROM reminder WHERE dispatched_at >= ?%1$s) d
                """).formatted(clinic), statement -> bindFunnel(statement, clinicId, since, wholeHours), rows -> {
            rows.next();
            return new OpsOverview.Funnel(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                    rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9));
        });
    }

    /** Each subquery's bounds in the order of its placeholders, each followed by the clinic when one is asked for. */
    private static void bindFunnel(PreparedStatement statement, String clinicId, Timestamp since,
            Timestamp wholeHours) throws SQLException {
        List<Timestamp[]> ranges = List.of(new Timestamp[]{since}, new Timestamp[]{wholeHours},
                new Timestamp[]{since, wholeHours}, new Timestamp[]{since}, new Timestamp[]{since},
                new Timestamp[]{since}, new Timestamp[]{since});
        int i = 1;
        for (Timestamp[] range : ranges) {
            for (Timestamp bound : range) {
                statement.setTimestamp(i++, bound);
            }
            if (clinicId != null) {
                statement.setString(i++, clinicId);
            }
        }
    }

    /** Planned reminders per hour for the next 48 hours, every hour present (zero when empty). */
    public List<OpsOverview.HourCount> upcoming(String clinicId, Instant now) {
        Instant firstHour = now.truncatedTo(ChronoUnit.HOURS);
        Map<Instant, Long> counts = work(ReminderState.sql("""
                SELECT date_trunc('hour', due_at), count(*) FROM reminder
                WHERE state = {PLANNED} AND due_at >= ? AND due_at < ?%s
                GROUP BY 1
                """).formatted(clinicId == null ? "" : " AND clinic_id = ?"), statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(firstHour.plus(Duration.ofHours(48))));
            if (clinicId != null) {
                statement.setString(3, clinicId);
            }
        }, rows -> {
            Map<Instant, Long> found = new HashMap<>();
            while (rows.next()) {
                found.put(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getLong(2));
            }
            return found;
        });
        List<OpsOverview.HourCount> hours = new ArrayList<>(48);
        for (int h = 0; h < 48; h++) {
            Instant hour = firstHour.plus(Duration.ofHours(h));
            hours.add(new OpsOverview.HourCount(hour, counts.getOrDefault(hour, 0L)));
        }
        return hours;
    }

    /**
     * Percentiles of the period's latest {@value #LATENESS_SAMPLE} dispatches: a sample that size gives a stable p99,
     * while sorting every dispatch of a busy week would cost seconds.
     */
    public OpsOverview.Lateness lateness(String clinicId, Instant from) {
        return work("""
                SELECT count(*),
                  coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY late), 0),
                  coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY late), 0)
                FROM (SELECT extract(epoch FROM dispatched_at - due_at) AS late FROM reminder
                      WHERE dispatched_at >= ?%s ORDER BY dispatched_at DESC LIMIT %d) latest
                """.formatted(clinicId == null ? "" : " AND clinic_id = ?", LATENESS_SAMPLE), statement -> {
            statement.setTimestamp(1, Timestamp.from(from));
            if (clinicId != null) {
                statement.setString(2, clinicId);
            }
        }, rows -> {
            rows.next();
            return new OpsOverview.Lateness(rows.getLong(1), rows.getDouble(2), rows.getDouble(3));
        });
    }

    public List<OpsOverview.Failure> failures(String clinicId, Instant now, int limit) {
        return work("""
                SELECT r.id, r.clinic_id, b.external_id, r.rule_key, r.notified_status, r.notified_reason,
                       r.notified_at, r.expires_at
                FROM reminder r JOIN booking b ON b.id = r.booking_id
                WHERE r.notified_status IN ('failed', 'undelivered', 'suppressed')%s
                ORDER BY r.notified_at DESC
                LIMIT ?
                """.formatted(clinicId == null ? "" : " AND r.clinic_id = ?"), statement -> {
            int i = 1;
            if (clinicId != null) {
                statement.setString(i++, clinicId);
            }
            statement.setInt(i, limit);
        }, rows -> {
            List<OpsOverview.Failure> failures = new ArrayList<>();
            while (rows.next()) {
                String status = rows.getString(5);
                Instant expires = rows.getObject(8, OffsetDateTime.class).toInstant();
                failures.add(new OpsOverview.Failure(rows.getObject(1, UUID.class), rows.getString(2),
                        rows.getString(3), rows.getString(4), status, rows.getString(6),
                        rows.getObject(7, OffsetDateTime.class).toInstant(),
                        !"suppressed".equals(status) && expires.isAfter(now)));
            }
            return failures;
        });
    }

    /**
     * Plans a failed, still valid reminder again, due now, under a new event id.
     *
     * @return whether there was such a reminder
     */
    public boolean resend(UUID reminderId, Instant now) {
        return jdbc.sql(ReminderState.sql("""
                UPDATE reminder SET state = {PLANNED}, generation = generation + 1, due_at = :now,
                    dispatched_at = NULL, notified_status = NULL, notified_reason = NULL, notified_at = NULL
                WHERE id = :id AND notified_status IN ('failed', 'undelivered') AND expires_at > :now
                  AND state IN ({FAILED}, {DISPATCHED})
                """)).set("id", reminderId).set("now", now).update() == 1;
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T work(String sql, Binder binder, Reader<T> reader) {
        return jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }
}
