package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.DeliveryStatus;

/**
 * Provider status reports that named a message we had not recorded yet (its send's outcome was still being
 * written): kept until that outcome is recorded, then taken and applied.
 */
@ApplicationScoped
public class EarlyProviderStatuses {

    /** One kept report. */
    public record Report(String messageSid, DeliveryStatus status, String reason, Instant receivedAt) {
    }

    private final Jdbc jdbc;

    public EarlyProviderStatuses(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return false, keeping nothing, for a report that does not fit its columns: a provider's message id is far
     *         shorter (Twilio's are 34 characters), so it names no message of ours
     */
    public boolean keep(Report report) {
        if (report.messageSid().length() > 64 || report.reason() != null && report.reason().length() > 200) {
            return false;
        }
        jdbc.update("""
                INSERT INTO early_provider_status (message_sid, status, reason, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, report.messageSid(), report.status(), report.reason(), report.receivedAt());
        return true;
    }

    /** Removes and returns the reports kept for these messages. */
    public List<Report> take(Collection<String> messageSids) {
        if (messageSids.isEmpty()) {
            return List.of();
        }
        return jdbc.list("""
                DELETE FROM early_provider_status WHERE message_sid = ANY (?)
                RETURNING message_sid, status, reason, received_at
                """, row -> new Report(row.getString("message_sid"), DeliveryStatus.valueOf(row.getString("status")),
                row.getString("reason"), Jdbc.instant(row, "received_at")), messageSids);
    }

    /** Deletes up to {@code batch} reports received before {@code before}: their message was never ours. */
    public int deleteReceivedBefore(Instant before, int batch) {
        return jdbc.update("""
                DELETE FROM early_provider_status WHERE (message_sid, status) IN (
                    SELECT message_sid, status FROM early_provider_status WHERE received_at < ? LIMIT ?)
                """, before, batch);
    }
}
