package io.aftercare.scheduling.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Which of a clinic's FHIR Patients a booking is for ({@code Patient/123}), so that the clinic can find what we did
 * for that patient. Kept beside the booking, not in it: only FHIR clinics have such a reference.
 */
@ApplicationScoped
public class FhirPatientLinks {

    private final EntityManager entityManager;

    public FhirPatientLinks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void link(String clinicId, String externalId, String patient) {
        entityManager.createNativeQuery("""
                UPDATE booking SET fhir_patient = :patient
                WHERE clinic_id = :clinic AND external_id = :external AND fhir_patient IS DISTINCT FROM :patient
                """)
                .setParameter("patient", patient)
                .setParameter("clinic", clinicId)
                .setParameter("external", externalId)
                .executeUpdate();
    }

    /** The patient reference of each of these bookings that has one. */
    @SuppressWarnings("unchecked")
    public java.util.Map<UUID, String> of(List<UUID> bookings) {
        if (bookings.isEmpty()) {
            return java.util.Map.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT id, fhir_patient FROM booking WHERE id IN (:ids) AND fhir_patient IS NOT NULL")
                .setParameter("ids", bookings)
                .getResultList();
        java.util.Map<UUID, String> links = new java.util.HashMap<>();
        rows.forEach(row -> links.put((UUID) row[0], (String) row[1]));
        return links;
    }

    /** The clinic's bookings for this patient, newest treatment first. */
    @SuppressWarnings("unchecked")
    public List<UUID> bookingsOf(String clinicId, String patient, int limit) {
        return entityManager.createNativeQuery("""
                SELECT id FROM booking WHERE clinic_id = :clinic AND fhir_patient = :patient
                ORDER BY treatment_end DESC LIMIT :limit
                """, UUID.class)
                .setParameter("clinic", clinicId)
                .setParameter("patient", patient)
                .setParameter("limit", limit)
                .getResultList();
    }
}
