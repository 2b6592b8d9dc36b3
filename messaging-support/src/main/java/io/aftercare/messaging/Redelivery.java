package io.aftercare.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * Handles one consumed event until it is done, waiting out what passes: while the service's PostgreSQL is away (a
 * restart, a failover) the handler is tried again with growing pauses, and the listener, which waits, holds back the
 * events behind it instead of losing them or stopping its channel. A failure that no retry will fix is thrown at once,
 * for the caller to send the event to its dead-letter topic with the reason.
 *
 * <p>
 * Hand-written rather than SmallRye Fault Tolerance's {@code @Retry}: what counts as passing is a property of the
 * cause chain (SQL states, connection errors), not of an exception type that could be listed in an annotation.
 */
public final class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    /**
     * Short: a listener looks again at most this long after its database is back. With 10 s, the pauses of a 13 s
     * outage (0.2, 0.4, ... 6.4, 10) left a listener asleep until 22.6 s after it began.
     */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** Connection failures (08), insufficient resources (53), operator intervention such as a shutdown (57P). */
    private static final Set<String> PASSING_STATE_CLASSES = Set.of("08", "53", "57");
    /** Serialization failure and deadlock: the transaction may simply be tried again. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");

    private Redelivery() {
    }

    /**
     * Runs the handler until it succeeds or fails for good.
     *
     * @param what the event, for the log (no personal data)
     * @throws RuntimeException the handler's failure when it is not one that passes
     */
    public static void untilHandled(String what, Runnable handler) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1;; attempt++) {
            try {
                handler.run();
                if (attempt > 1) {
                    LOG.infof("%s handled at attempt %d", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!passing(e)) {
                    throw e;
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("%s waits for the database (attempt %d): %s", what, attempt,
                            e.getClass().getSimpleName());
                }
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Whether the failure is one that waiting fixes: the database or the network being away, or a retryable clash. */
    public static boolean passing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (RETRYABLE_STATES.contains(state)
                        || state.length() >= 2 && PASSING_STATE_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
                // The connection pool says so without an SQL state when no connection can be had in time.
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
