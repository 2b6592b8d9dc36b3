package io.aftercare.scheduling.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Changes a stored profile behind the API's back, as a name that now resolves elsewhere does. */
@ApplicationScoped
public class StoredClinicProfiles {

    private final EntityManager entityManager;

    public StoredClinicProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void fhirServerAt(String clinicId, String baseUrl) {
        entityManager.createNativeQuery("UPDATE clinic_profile SET fhir_base_url = :url WHERE clinic_id = :clinic")
                .setParameter("url", baseUrl)
                .setParameter("clinic", clinicId)
                .executeUpdate();
    }
}
