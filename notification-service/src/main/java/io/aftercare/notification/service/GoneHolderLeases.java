package io.aftercare.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Looks every second for delivery leases held by an instance that is gone, so that a text a killed instance was
 * sending waits about a second for another instance instead of the lease's 60 s ({@link DeliveryLeases}).
 */
@ApplicationScoped
public class GoneHolderLeases {

    private static final Logger LOG = Logger.getLogger(GoneHolderLeases.class);

    private final DeliveryLeases leases;

    public GoneHolderLeases(DeliveryLeases leases) {
        this.leases = leases;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeBack() {
        try {
            leases.takeBackFromGoneHolders();
        } catch (RuntimeException e) {
            LOG.debugf("gone holders' leases: %s; looked for again in a second", e.toString());
        }
    }
}
