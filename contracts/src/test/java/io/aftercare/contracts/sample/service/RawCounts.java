package io.aftercare.contracts.sample.service;

import jakarta.persistence.EntityManager;

/** Misplaced: SQL in a service. */
public class RawCounts {

    private final EntityManager entityManager;

    public RawCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Object count() {
        return entityManager.createNativeQuery("SELECT count(*) FROM thing").getSingleResult();
    }
}
