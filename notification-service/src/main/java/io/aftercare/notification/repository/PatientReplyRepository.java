package io.aftercare.notification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;

/**
 * The clinics' inboxes. A {@link PatientReply} read here is a copy: each change a service makes to it is written by the
 * method here that names it ({@link #assigned}, {@link #handled}, {@link #answered}, {@link #alerted}).
 */
@ApplicationScoped
public class PatientReplyRepository {

    static final String COLUMNS = """
            SELECT id, message_sid, clinic_id, booking_id, booking_ref, phone, language, body, other_bookings,
                   check_in_score, urgent, urgent_reason, state, received_at, handled_at, handled_by, assigned_to,
                   assigned_at, updated_at, answered_at, alerted_at, alert_attempts
            FROM patient_reply""";

    private static final String NEWEST = " ORDER BY received_at DESC, id DESC";

    /**
     * Where a page of the inbox starts: after this entry, in the page's order.
     *
     * @param urgent the entry's urgency when the order is urgent first; null in newest-first order
     */
    public record Position(Instant receivedAt, UUID id, Boolean urgent) {
    }

    private final Jdbc jdbc;

    public PatientReplyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the reply unless its message was filed before (a provider retry). A reply is filed unchanged: it last
     * changed when it arrived.
     */
    public boolean recordIfNew(PatientReply reply) {
        if (jdbc.first("SELECT 1 FROM patient_reply WHERE message_sid = ?", row -> true, reply.messageSid)
                .isPresent()) {
            return false;
        }
        if (reply.updatedAt == null) {
            reply.updatedAt = reply.receivedAt;
        }
        jdbc.update("""
                INSERT INTO patient_reply (id, message_sid, clinic_id, booking_id, booking_ref, phone, language, body,
                                           other_bookings, check_in_score, urgent, urgent_reason, state, received_at,
                                           handled_at, handled_by, assigned_to, assigned_at, updated_at, answered_at,
                                           alerted_at, alert_attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, reply.id, reply.messageSid, reply.clinicId, reply.bookingId, reply.bookingRef, reply.phone,
                reply.language, reply.body, reply.otherBookings, reply.checkInScore, reply.urgent, reply.urgentReason,
                reply.state, reply.receivedAt, reply.handledAt, reply.handledBy, reply.assignedTo, reply.assignedAt,
                reply.updatedAt, reply.answeredAt, reply.alertedAt, reply.alertAttempts);
        return true;
    }

    /** Writes who the reply is assigned to, since when, and that it changed then. */
    public void assigned(PatientReply reply) {
        jdbc.update("UPDATE patient_reply SET assigned_to = ?, assigned_at = ?, updated_at = ? WHERE id = ?",
                reply.assignedTo, reply.assignedAt, reply.updatedAt, reply.id);
    }

    /** Writes that the reply is handled, by whom and when. */
    public void handled(PatientReply reply) {
        jdbc.update("""
                UPDATE patient_reply SET state = ?, handled_at = ?, handled_by = ?, updated_at = ? WHERE id = ?
                """, reply.state, reply.handledAt, reply.handledBy, reply.updatedAt, reply.id);
    }

    /** Writes when the patient was answered automatically. */
    public void answered(PatientReply reply) {
        jdbc.update("UPDATE patient_reply SET answered_at = ? WHERE id = ?", reply.answeredAt, reply.id);
    }

    /** Writes whether the clinic was alerted, and how many tries its alert took so far. */
    public void alerted(PatientReply reply) {
        jdbc.update("UPDATE patient_reply SET alerted_at = ?, alert_attempts = ? WHERE id = ?", reply.alertedAt,
                reply.alertAttempts, reply.id);
    }

    public Optional<PatientReply> byId(UUID id) {
        return jdbc.first(COLUMNS + " WHERE id = ?", PatientReplyRepository::read, id);
    }

    /**
     * A page of a clinic's inbox, newest first (or urgent first, then newest), one more than asked so that the caller
     * knows whether more follow.
     */
    public List<PatientReply> page(String clinicId, ReplyState state, Position after, int limit,
            boolean urgentFirst) {
        String order = urgentFirst ? " ORDER BY urgent DESC, received_at DESC, id DESC" : NEWEST;
        if (after == null) {
            return jdbc.list(COLUMNS + " WHERE clinic_id = ? AND state = ?" + order + " LIMIT ?",
                    PatientReplyRepository::read, clinicId, state, limit + 1);
        }
        String newer = "(received_at < ? OR (received_at = ? AND id < ?))";
        String where = !urgentFirst || after.urgent() == null
                ? newer
                : after.urgent()
                        ? "(urgent = false OR (urgent = true AND " + newer + "))"
                        : "urgent = false AND " + newer;
        return jdbc.list(COLUMNS + " WHERE clinic_id = ? AND state = ? AND " + where + order + " LIMIT ?",
                PatientReplyRepository::read, clinicId, state, after.receivedAt(), after.receivedAt(), after.id(),
                limit + 1);
    }

    /** The clinic's entries that changed after {@code since}, oldest change first, at most {@code limit}. */
    public List<PatientReply> changedSince(String clinicId, Instant since, int limit) {
        return jdbc.list(COLUMNS + " WHERE clinic_id = ? AND updated_at > ? ORDER BY updated_at, id LIMIT ?",
                PatientReplyRepository::read, clinicId, since, limit);
    }

    /** How many of the clinic's replies are open, and how many of those urgent. */
    public long[] openCounts(String clinicId) {
        return jdbc.first("""
                SELECT count(*), count(*) FILTER (WHERE urgent) FROM patient_reply WHERE clinic_id = ? AND state = ?
                """, row -> new long[]{row.getLong(1), row.getLong(2)}, clinicId, ReplyState.OPEN).orElseThrow();
    }

    /** The patient's replies under a booking, first to last. */
    public List<PatientReply> ofBooking(String clinicId, UUID bookingId) {
        return jdbc.list(COLUMNS + " WHERE clinic_id = ? AND booking_id = ? ORDER BY received_at, id",
                PatientReplyRepository::read, clinicId, bookingId);
    }

    public Optional<PatientReply> inClinic(String clinicId, UUID id) {
        return jdbc.first(COLUMNS + " WHERE id = ? AND clinic_id = ?", PatientReplyRepository::read, id, clinicId);
    }

    /** Whether this booking's urgent conversation was already answered automatically within the window. */
    public boolean urgentAnswerSentSince(UUID bookingId, Instant since) {
        return jdbc.first("""
                SELECT 1 FROM patient_reply
                WHERE booking_id = ? AND urgent = true AND answered_at IS NOT NULL AND received_at > ? LIMIT 1
                """, row -> true, bookingId, since).isPresent();
    }

    public List<PatientReply> unalerted(int limit) {
        return jdbc.list(COLUMNS + " WHERE urgent = true AND alerted_at IS NULL ORDER BY received_at LIMIT ?",
                PatientReplyRepository::read, limit);
    }

    /** Deletes at most {@code batch} replies received before {@code before}; small batches keep locks short. */
    public int deleteReceivedBefore(Instant before, int batch) {
        return jdbc.update("""
                DELETE FROM patient_reply WHERE id IN (
                    SELECT id FROM patient_reply WHERE received_at < ? LIMIT ?)
                """, before, batch);
    }

    static PatientReply read(ResultSet row) throws SQLException {
        PatientReply r = new PatientReply();
        r.id = Jdbc.uuid(row, "id");
        r.messageSid = row.getString("message_sid");
        r.clinicId = row.getString("clinic_id");
        r.bookingId = Jdbc.uuid(row, "booking_id");
        r.bookingRef = row.getString("booking_ref");
        r.phone = row.getString("phone");
        r.language = row.getString("language");
        r.body = row.getString("body");
        r.otherBookings = row.getString("other_bookings");
        r.checkInScore = Jdbc.integer(row, "check_in_score");
        r.urgent = row.getBoolean("urgent");
        r.urgentReason = row.getString("urgent_reason");
        r.state = Jdbc.constant(row, "state", ReplyState.class);
        r.receivedAt = Jdbc.instant(row, "received_at");
        r.handledAt = Jdbc.instant(row, "handled_at");
        r.handledBy = row.getString("handled_by");
        r.assignedTo = row.getString("assigned_to");
        r.assignedAt = Jdbc.instant(row, "assigned_at");
        r.updatedAt = Jdbc.instant(row, "updated_at");
        r.answeredAt = Jdbc.instant(row, "answered_at");
        r.alertedAt = Jdbc.instant(row, "alerted_at");
        r.alertAttempts = row.getInt("alert_attempts");
        return r;
    }
}
