package io.aftercare.scheduling.repository;

import java.time.LocalTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What of a clinic's profile its patients' texts say, when and how many may arrive: its name, its phone, its send
 * window and its consent basis (a healthcare exemption caps the budget), sent to guidance with each plan request. Read fresh each time (one lookup by key): a profile that changes
 * queues its clinic's bookings for a new plan, and a copy kept here could hand that new plan the old name.
 */
@ApplicationScoped
public class ClinicVoices {

    /** Each part null when the profile leaves it to guidance's protocol (or there is no profile). */
    public record Voice(String name, String phone, LocalTime windowStart, LocalTime windowEnd, String consentBasis) {

        public static final Voice NONE = new Voice(null, null, null, null, null);
    }

    private final EntityManager entityManager;

    public ClinicVoices(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Voice of(String clinicId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT name, phone, send_window_start, send_window_end, consent_basis
                FROM clinic_profile WHERE clinic_id = :clinic
                """).setParameter("clinic", clinicId).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Voice((String) row[0], (String) row[1], time(row[2]), time(row[3]),
                        ((String) row[4]).toLowerCase(java.util.Locale.ROOT).replace('_', '-')))
                .orElse(Voice.NONE);
    }

    private static LocalTime time(Object value) {
        return value == null
                ? null
                : value instanceof LocalTime local ? local : ((java.sql.Time) value).toLocalTime();
    }
}
