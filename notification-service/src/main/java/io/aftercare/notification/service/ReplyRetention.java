package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Deletes replies (personal health information) once they are older than the retention setting, in small batches. */
@ApplicationScoped
public class ReplyRetention {

    private static final Logger LOG = Logger.getLogger(ReplyRetention.class);
    private static final int BATCH = 500;

    private final PatientReplyRepository replies;
    private final RepliesConfig config;
    private final Clock clock;

    public ReplyRetention(PatientReplyRepository replies, RepliesConfig config, Clock clock) {
        this.replies = replies;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        int deleted = pruneNow();
        if (deleted > 0) {
            LOG.infof("deleted %d replies older than %s", deleted, config.retention());
        }
    }

    /** @return how many replies were deleted */
    public int pruneNow() {
        Instant before = clock.instant().minus(config.retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> replies.deleteReceivedBefore(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
