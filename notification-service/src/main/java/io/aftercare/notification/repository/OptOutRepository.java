package io.aftercare.notification.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.notification.DeliveryChannel;

/** Addresses that asked not to receive messages on a channel. */
@ApplicationScoped
public class OptOutRepository {

    private final EntityManager entityManager;

    public OptOutRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean isOptedOut(DeliveryChannel channel, String address) {
        return !entityManager.createNativeQuery("SELECT 1 FROM opt_out WHERE channel = :channel AND address = :address")
                .setParameter("channel", channel.name())
                .setParameter("address", address)
                .getResultList()
                .isEmpty();
    }

    /** @return whether this changed anything */
    public boolean optOut(DeliveryChannel channel, String address, String keyword, Instant at) {
        return entityManager.createNativeQuery("""
                INSERT INTO opt_out (channel, address, keyword, created_at) VALUES (:channel, :address, :keyword, :at)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("channel", channel.name())
                .setParameter("address", address)
                .setParameter("keyword", keyword)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** @return whether this changed anything */
    public boolean optIn(DeliveryChannel channel, String address) {
        return entityManager.createNativeQuery("DELETE FROM opt_out WHERE channel = :channel AND address = :address")
                .setParameter("channel", channel.name())
                .setParameter("address", address)
                .executeUpdate() == 1;
    }
}
