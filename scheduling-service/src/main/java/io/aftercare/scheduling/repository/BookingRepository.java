package io.aftercare.scheduling.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Booking;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    public Optional<Booking> findByClinicAndExternalId(String clinicId, String externalId) {
        return find("clinicId = ?1 and externalId = ?2", clinicId, externalId).firstResultOptional();
    }

    /**
     * Serialises writers of one booking until the transaction ends, so that two racing first PUTs of the same booking
     * make one row instead of one winner and one constraint violation.
     */
    public void lockBookingKey(String clinicId, String externalId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", clinicId + '/' + externalId)
                .getSingleResult();
    }
}
