package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.DeliveryChannel;

/**
 * Addresses that asked not to receive messages on a channel. A text opt-out names the sender it was sent to, as
 * carriers treat STOP; {@link #EVERY_SENDER} stops them all (email opt-outs, and those from before senders were named).
 */
@ApplicationScoped
public class OptOutRepository {

    /** The sender of an opt-out that stops every sender. */
    public static final String EVERY_SENDER = "*";

    private final Jdbc jdbc;

    public OptOutRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether texts from this sender (or from every sender) may no longer go to the number. */
    public boolean isTextOptedOut(String phone, String sender) {
        return jdbc.first("""
                SELECT 1 FROM opt_out WHERE channel = 'SMS' AND address = ? AND sender IN (?, '*')
                """, row -> true, phone, sender).isPresent();
    }

    /**
     * Which of these addresses opted out of their channel, as {@link #key} names them (texts: for each sender), read in
     * one query.
     */
    public Set<String> optedOutAmong(Collection<String> phones, Collection<String> emails) {
        if (phones.isEmpty() && emails.isEmpty()) {
            return Set.of();
        }
        List<String[]> rows = jdbc.list("""
                SELECT channel, address, sender FROM opt_out
                WHERE (channel = 'SMS' AND address = ANY (?)) OR (channel = 'EMAIL' AND address = ANY (?))
                """, row -> new String[]{row.getString(1), row.getString(2), row.getString(3)},
                // Both text arrays; an empty side matches no address.
                phones, emails);
        Set<String> optedOut = new HashSet<>();
        for (String[] row : rows) {
            DeliveryChannel channel = DeliveryChannel.valueOf(row[0]);
            optedOut.add(channel == DeliveryChannel.SMS ? textKey(row[1], row[2]) : key(channel, row[1]));
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
        return jdbc.update("""
                INSERT INTO opt_out (channel, address, sender, keyword, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, channel, address, sender, keyword, at) == 1;
    }

    /**
     * START to a sender lifts its opt-out, and one from before senders were named (which stopped them all).
     *
     * @return whether this changed anything
     */
    public boolean optIn(DeliveryChannel channel, String address, String sender) {
        return jdbc.update("""
                DELETE FROM opt_out WHERE channel = ? AND address = ? AND sender IN (?, '*')
                """, channel, address, sender) > 0;
    }
}
