package io.aftercare.scheduling.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.Channel;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.ReminderState;

/**
 * Bookings, in plain JDBC. A booking read here is a copy: a change to it is written by {@link #update} (or one of the
 * narrower updates), never by being changed in a transaction.
 */
@ApplicationScoped
public class BookingRepository {

    /** Every column a {@link Booking} maps, as {@link #read} reads them. */
    static final String COLUMNS = """
            id, clinic_id, external_id, source_version, first_name, phone, email, locale, time_zone,
            preferred_channel, sms_consent, email_consent, marketing_consent, sms_opted_out, treatment_type,
            treatment_start, treatment_end, status, plan_state, protocol_version, plan_attempts, next_plan_at,
            plan_error, check_in_score, check_in_at, created_at, updated_at""";

    private final Jdbc jdbc;

    public BookingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Booking> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking WHERE id = :id").set("id", id)
                .first(BookingRepository::read);
    }

    public Optional<Booking> findByClinicAndExternalId(String clinicId, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM booking WHERE clinic_id = :clinic AND external_id = :external")
                .set("clinic", clinicId)
                .set("external", externalId)
                .first(BookingRepository::read);
    }

    /**
     * Writes what a booking PUT or a plan changes: the patient's and the treatment's details and the plan's state. The
     * columns others write on their own (the opt-out, the check-in, the FHIR patient) are left as they are.
     */
    public void update(Booking b) {
        jdbc.sql("""
                UPDATE booking SET source_version = :sourceVersion, first_name = :firstName, phone = :phone,
                    email = :email, locale = :locale, time_zone = :timeZone, preferred_channel = :channel,
                    sms_consent = :smsConsent, email_consent = :emailConsent, marketing_consent = :marketingConsent,
                    treatment_type = :treatmentType, treatment_start = :treatmentStart, treatment_end = :treatmentEnd,
                    status = :status, plan_state = :planState, protocol_version = :protocolVersion,
                    plan_attempts = :planAttempts, next_plan_at = :nextPlanAt, plan_error = :planError,
                    updated_at = :updatedAt
                WHERE id = :id
                """)
                .set("sourceVersion", b.sourceVersion)
                .set("firstName", b.firstName)
                .set("phone", b.phone)
                .set("email", b.email)
                .set("locale", b.locale)
                .set("timeZone", b.timeZone)
                .set("channel", b.preferredChannel)
                .set("smsConsent", b.smsConsent)
                .set("emailConsent", b.emailConsent)
                .set("marketingConsent", b.marketingConsent)
                .set("treatmentType", b.treatmentType)
                .set("treatmentStart", b.treatmentStart)
                .set("treatmentEnd", b.treatmentEnd)
                .set("status", b.status)
                .set("planState", b.planState)
                .set("protocolVersion", b.protocolVersion)
                .set("planAttempts", b.planAttempts)
                .set("nextPlanAt", b.nextPlanAt)
                .set("planError", b.planError)
                .set("updatedAt", b.updatedAt)
                .set("id", b.id)
                .update();
    }

    /** A newer version of the booking's source that changes nothing the plan depends on. */
    public void updateSourceVersion(UUID id, Long sourceVersion) {
        jdbc.sql("UPDATE booking SET source_version = :version WHERE id = :id")
                .set("version", sourceVersion)
                .set("id", id)
                .update();
    }

    /** Locks bookings whose plan is due to be (re)computed, skipping those another instance holds. */
    public List<Booking> claimWaitingForPlan(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM booking
                WHERE plan_state = 'PENDING' AND next_plan_at <= :now
                ORDER BY next_plan_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """).set("now", now).set("limit", limit).list(BookingRepository::read);
    }

    /** Moves the claimed bookings' next attempt to the end of their lease; the caller holds their rows' locks. */
    public void leaseUntil(Collection<UUID> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE booking SET next_plan_at = :until WHERE id IN (:ids)")
                .set("until", leaseUntil)
                .set("ids", ids)
                .update();
    }

    /** Makes a claimed booking due again now, unless something else changed it since the claim. */
    public void releaseClaim(UUID bookingId, Instant leaseUntil, Instant now) {
        jdbc.sql("""
                UPDATE booking SET next_plan_at = :now
                WHERE id = :id AND next_plan_at = :leaseUntil AND plan_state = 'PENDING'
                """).set("now", now).set("id", bookingId).set("leaseUntil", leaseUntil).update();
    }

    /**
     * Serialises writers of one booking until the transaction ends, so that two racing first PUTs of the same booking
     * make one row instead of one winner and one constraint violation.
     */
    public void lockBookingKey(String clinicId, String externalId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .set("key", clinicId + '/' + externalId)
                .first(rows -> Boolean.TRUE);
    }

    /** A clinic's bookings of a treatment that still have reminders to go, queued for a new plan. */
    public int replanClinic(String treatment, String clinicId, Instant now) {
        return replanClinicWhere("b.treatment_type = :treatment AND ", clinicId, now, treatment);
    }

    /** A clinic's bookings of every treatment that still have reminders to go: its profile changed what they say. */
    public int replanClinic(String clinicId, Instant now) {
        return replanClinicWhere("", clinicId, now, null);
    }

    private int replanClinicWhere(String treatmentCondition, String clinicId, Instant now, String treatment) {
        Jdbc.Statement statement = jdbc.sql(ReminderState.sql("""
                UPDATE booking b SET plan_state = 'PENDING', next_plan_at = :now, plan_attempts = 0
                WHERE %sb.clinic_id = :clinic AND b.plan_state = 'PLANNED'
                  AND (b.treatment_start > :now
                       OR EXISTS (SELECT 1 FROM reminder r WHERE r.booking_id = b.id AND r.state = {PLANNED}))
                """.formatted(treatmentCondition))).set("now", now).set("clinic", clinicId);
        if (treatment != null) {
            statement.set("treatment", treatment);
        }
        return statement.update();
    }

    /** Asks for a new plan of every booking of the treatment that has not taken place yet. */
    public int replanFuture(String treatment, int version, Instant now) {
        return jdbc.sql("""
                UPDATE booking SET plan_state = 'PENDING', next_plan_at = :now, plan_attempts = 0
                WHERE treatment_type = :treatment AND treatment_start > :now AND plan_state = 'PLANNED'
                  AND (protocol_version IS NULL OR protocol_version < :version)
                """).set("treatment", treatment).set("version", version).set("now", now).update();
    }

    /** The row as a booking; the statement selected {@link #COLUMNS}. */
    static Booking read(ResultSet rows) throws SQLException {
        Booking b = new Booking();
        b.id = rows.getObject("id", UUID.class);
        b.clinicId = rows.getString("clinic_id");
        b.externalId = rows.getString("external_id");
        b.sourceVersion = rows.getObject("source_version", Long.class);
        b.firstName = rows.getString("first_name");
        b.phone = rows.getString("phone");
        b.email = rows.getString("email");
        b.locale = rows.getString("locale");
        b.timeZone = rows.getString("time_zone");
        b.preferredChannel = Channel.valueOf(rows.getString("preferred_channel"));
        b.smsConsent = rows.getBoolean("sms_consent");
        b.emailConsent = rows.getBoolean("email_consent");
        b.marketingConsent = rows.getBoolean("marketing_consent");
        b.smsOptedOut = rows.getBoolean("sms_opted_out");
        b.treatmentType = rows.getString("treatment_type");
        b.treatmentStart = Jdbc.instant(rows, "treatment_start");
        b.treatmentEnd = Jdbc.instant(rows, "treatment_end");
        b.status = BookingStatus.valueOf(rows.getString("status"));
        b.planState = PlanState.valueOf(rows.getString("plan_state"));
        b.protocolVersion = Jdbc.integer(rows, "protocol_version");
        b.planAttempts = rows.getInt("plan_attempts");
        b.nextPlanAt = Jdbc.instant(rows, "next_plan_at");
        b.planError = rows.getString("plan_error");
        b.checkInScore = Jdbc.integer(rows, "check_in_score");
        b.checkInAt = Jdbc.instant(rows, "check_in_at");
        b.createdAt = Jdbc.instant(rows, "created_at");
        b.updatedAt = Jdbc.instant(rows, "updated_at");
        return b;
    }
}
