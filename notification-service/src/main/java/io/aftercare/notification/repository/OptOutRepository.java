package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.notification.DeliveryChannel;

/**
 * Addresses that asked not to receive messages on a channel. A text opt-out names the sender it was sent to, as
 * carriers treat STOP; {@link #EVERY_SENDER} stops them all (email opt-outs, and those from before senders were named).
 */
@ApplicationScoped
public class OptOutRepository {

    /** The sender of an opt-out that stops every sender. */
    public static final String EVERY_SENDER = "*";

    private final EntityManager entityManager;

    public OptOutRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Whether texts from this sender (or from every sender) may no longer go to the number. */
    public boolean isTextOptedOut(String phone, String sender) {
        return !entityManager.createNativeQuery("""
                SELECT 1 FROM opt_out WHERE channel = 'SMS' AND address = :address AND sender IN (:sender, '*')
                """)
                .setParameter("address", phone)
                .setParameter("sender", sender)
                .getResultList()
                .isEmpty();
    }

    /**
     * Which of these addresses opted out of their channel, as {@link #key} names them (texts: for each sender), read in
     * one query.
     */
    @SuppressWarnings("unchecked")
    public Set<String> optedOutAmong(Collection<String> phones, Collection<String> emails) {
        if (phones.isEmpty() && emails.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT channel, address, sender FROM opt_out
                WHERE (channel = 'SMS' AND address IN (:phones)) OR (channel = 'EMAIL' AND address IN (:emails))
                """)
                // IN () is not SQL: an empty side asks for an address no one has.
                .setParameter("phones", phones.isEmpty() ? List.of("") : phones)
                .setParameter("emails", emails.isEmpty() ? List.of("") : emails)
                .getResultList();
        Set<String> optedOut = new HashSet<>();
        for (Object[] row : rows) {
            DeliveryChannel channel = DeliveryChannel.valueOf((String) row[0]);
            optedOut.add(channel == DeliveryChannel.SMS
                    ? textKey((String) row[1], (String) row[2])
                    : key(channel, (String) row[1]));
        }
        return optedOut;
    }

    /** How {@link #optedOutAmong} names an email address. */
    public static String key(DeliveryChannel channel, String address) {
        return channel.name() + ":" + address;
    }

    /** How {@link #optedOutAmong} names a number's opt-out of a sender ({@link #EVERY_SENDER}: of all). */
    public static String textKey(String phone, String sender) {
        return DeliveryChannel.SMS.name() + ":" + phone + ":" + sender;
    }

    /**
     * @param sender the sender it stops, or {@link #EVERY_SENDER}
     * @return whether this changed anything
     */
    public boolean optOut(DeliveryChannel channel, String address, String sender, String keyword, Instant at) {
        return entityManager.createNativeQuery("""
                INSERT INTO opt_out (channel, address, sender, keyword, created_at)
                VALUES (:channel, :address, :sender, :keyword, :at)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("channel", channel.name())
                .setParameter("address", address)
                .setParameter("sender", sender)
                .setParameter("keyword", keyword)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /**
     * START to a sender lifts its opt-out, and one from before senders were named (which stopped them all).
     *
     * @return whether this changed anything
     */
    public boolean optIn(DeliveryChannel channel, String address, String sender) {
        return entityManager.createNativeQuery("""
                DELETE FROM opt_out WHERE channel = :channel AND address = :address AND sender IN (:sender, '*')
                """)
                .setParameter("channel", channel.name())
                .setParameter("address", address)
                .setParameter("sender", sender)
                .executeUpdate() > 0;
    }
}
