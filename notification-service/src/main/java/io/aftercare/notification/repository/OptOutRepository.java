package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Which of these addresses opted out of their channel, as {@code CHANNEL:address}, read in one query. */
    @SuppressWarnings("unchecked")
    public Set<String> optedOutAmong(Collection<String> phones, Collection<String> emails) {
        if (phones.isEmpty() && emails.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT channel, address FROM opt_out
                WHERE (channel = 'SMS' AND address IN (:phones)) OR (channel = 'EMAIL' AND address IN (:emails))
                """)
                // IN () is not SQL: an empty side asks for an address no one has.
                .setParameter("phones", phones.isEmpty() ? List.of("") : phones)
                .setParameter("emails", emails.isEmpty() ? List.of("") : emails)
                .getResultList();
        Set<String> optedOut = new HashSet<>();
        for (Object[] row : rows) {
            optedOut.add(key(DeliveryChannel.valueOf((String) row[0]), (String) row[1]));
        }
        return optedOut;
    }

    /** How {@link #optedOutAmong} names an address of a channel. */
    public static String key(DeliveryChannel channel, String address) {
        return channel.name() + ":" + address;
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
