package io.aftercare.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.config.DispatchConfig;
import io.quarkus.scheduler.Scheduled;

/** Runs the dispatcher on a timer, draining a backlog batch after batch. */
@ApplicationScoped
public class DispatchJob {

    private static final Logger LOG = Logger.getLogger(DispatchJob.class);

    private final DueReminderDispatcher dispatcher;
    private final DispatchConfig config;

    public DispatchJob(DueReminderDispatcher dispatcher, DispatchConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Scheduled(every = "${aftercare.dispatch.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        try {
            while (dispatcher.dispatchBatch() == config.batchSize()) {
                // a full batch means more may be due: keep going without waiting for the next tick
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "dispatch failed; the claimed reminders stay planned and are retried on the next tick");
        }
    }
}
