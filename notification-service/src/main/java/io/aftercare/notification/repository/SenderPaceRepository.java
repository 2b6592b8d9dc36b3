package io.aftercare.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Send slots of a sender, handed out by the database to every instance in turn. Times are the database's own
 * ({@code clock_timestamp()}), and only a relative wait leaves it, so instances whose clocks disagree still agree on
 * the pace.
 */
@ApplicationScoped
public class SenderPaceRepository {

    private final Jdbc jdbc;

    public SenderPaceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves the sender's next {@code count} slots, {@code spacingMicros} apart, after every slot reserved before
     * (by any instance) and not before now.
     *
     * @return in how many microseconds the first of them begins
     */
    public long reserve(String sender, int count, long spacingMicros) {
        long total = count * spacingMicros;
        long wait = jdbc.first("""
                INSERT INTO sender_pace AS pace (sender, next_slot)
                VALUES (?, clock_timestamp() + ? * interval '1 microsecond')
                ON CONFLICT (sender) DO UPDATE
                    SET next_slot = greatest(pace.next_slot, clock_timestamp()) + ? * interval '1 microsecond'
                RETURNING (extract(epoch FROM pace.next_slot - clock_timestamp()) * 1000000)::bigint - ?
                """, row -> row.getLong(1), sender, total, total, total).orElseThrow();
        return Math.max(0, wait);
    }
}
