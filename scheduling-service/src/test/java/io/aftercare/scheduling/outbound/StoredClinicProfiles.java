package io.aftercare.scheduling.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.repository.Jdbc;

/** Changes a stored profile behind the API's back, as a name that now resolves elsewhere does. */
@ApplicationScoped
public class StoredClinicProfiles {

    private final Jdbc jdbc;

    public StoredClinicProfiles(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void fhirServerAt(String clinicId, String baseUrl) {
        jdbc.sql("UPDATE clinic_profile SET fhir_base_url = :url WHERE clinic_id = :clinic")
                .set("url", baseUrl)
                .set("clinic", clinicId)
                .update();
    }
}
