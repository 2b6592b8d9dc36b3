package io.aftercare.contracts.sample.repository;

import jakarta.persistence.EntityManager;

import io.aftercare.contracts.sample.Thing;

/** Where SQL and queries belong. */
public class ThingRepository {

    private final EntityManager entityManager;

    public ThingRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long countNamed(String name) {
        return Thing.count("name = ?1", name) + ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM thing WHERE name = :name")
                .setParameter("name", name)
                .getSingleResult()).longValue();
    }
}
