package io.aftercare.scheduling.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.config.DispatchConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the dispatcher on threads of its own ({@code aftercare.dispatch.workers}): each drains a backlog batch after
 * batch. Without a backlog only the first thread looks for due reminders, every {@code aftercare.dispatch.interval}
 * (250 ms); the others wait until a full batch shows a backlog (or {@link #HELPER_WAIT} intervals pass). Three threads
 * polling an empty table cost about 12 ms of CPU a second at rest (the cost benchmark's idle flame graph), two of
 * them for nothing the first would not find. Claims skip each other's rows, so the threads share a backlog as
 * separate instances would. The Quarkus scheduler was tried first; its one-second step, and the ticks it skips while
 * a run overlaps, let reminders leave up to a second late.
 */
@ApplicationScoped
public class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);

    private final DueReminderDispatcher dispatcher;
    private final DispatchConfig config;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private final BacklogSignal backlog = new BacklogSignal();
    /** How many intervals a helper thread waits for a backlog before it looks for itself. */
    static final int HELPER_WAIT = 20;

    public DispatchLoop(DueReminderDispatcher dispatcher, DispatchConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("the reminder dispatcher is disabled on this instance");
            return;
        }
        try {
            dispatcher.resumeOwnClaims();
        } catch (RuntimeException e) {
            LOG.warnf("could not take back this instance's earlier claims (%s); they wait out their leases",
                    e.toString());
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            boolean first = i == 0;
            Thread thread = new Thread(() -> run(first), "reminder-dispatcher-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(config.ackTimeout().toMillis());
        }
    }

    private void run(boolean first) {
        while (running) {
            try {
                if (dispatcher.dispatchBatch() >= config.batchSize()) {
                    backlog.seen();
                } else if (first) {
                    Thread.sleep(config.interval().toMillis());
                } else {
                    backlog.await(config.interval().multipliedBy(HELPER_WAIT));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "dispatch failed; the claimed reminders stay planned and are claimed again shortly");
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.interval().toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
