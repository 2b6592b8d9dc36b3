package io.aftercare.scheduling.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which of a clinic's FHIR Patients a booking is for ({@code Patient/123}), so that the clinic can find what we did
 * for that patient. Kept beside the booking, not in it: only FHIR clinics have such a reference.
 */
@ApplicationScoped
public class FhirPatientLinks {

    private final Jdbc jdbc;

    public FhirPatientLinks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void link(String clinicId, String externalId, String patient) {
        jdbc.sql("""
                UPDATE booking SET fhir_patient = :patient
                WHERE clinic_id = :clinic AND external_id = :external AND fhir_patient IS DISTINCT FROM :patient
                """)
                .set("patient", patient)
                .set("clinic", clinicId)
                .set("external", externalId)
                .update();
    }
}
