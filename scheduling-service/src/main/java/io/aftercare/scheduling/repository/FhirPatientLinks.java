package io.aftercare.scheduling.repository;

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
}
