package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.config.DeliveryConfig;
import io.aftercare.notification.repository.DeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Which deliveries this instance holds while it calls the provider. A lease is the delivery's {@code nextAttemptAt}
 * while it is SENDING: it doubles as the holder's token (a new holder sets another), and once it runs out the
 * delivery is due again, to be checked with the provider before it goes.
 */
@ApplicationScoped
public class DeliveryLeases {

    private static final Logger LOG = Logger.getLogger(DeliveryLeases.class);

    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;

    public DeliveryLeases(DeliveryRepository deliveries, Clock clock, DeliveryConfig config,
            @ConfigProperty(name = "aftercare.instance-id") String instanceId) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.lease = config.lease();
        this.instanceId = instanceId;
    }

    /**
     * Takes back, at start, the leases this instance held when it died: no worker of its earlier life is still
     * calling the provider, so they need not run out first. Each is checked with the provider before it goes.
     */
    public void resumeOwn() {
        int released = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.releaseLeasesOf(instanceId, clock.instant()));
        if (released > 0) {
            LOG.infof("%d deliveries were mid-send when this instance (%s) stopped; checking them with the provider",
                    released, instanceId);
        }
    }

    /**
     * Takes back the leases of instances that died (kill -9, OOM) and did not come back under their name: they need not
     * run out first either. An instance is gone when it has no connection to the database left; a live instance keeps
     * its workers' connections, so a live holder's lease is not taken. Should that ever misjudge (a holder's pool
     * momentarily empty), the delivery is checked with the provider before it goes, as any abandoned one.
     */
    public void takeBackFromGoneHolders() {
        int released = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.releaseLeasesOfGoneHolders(clock.instant()));
        if (released > 0) {
            LOG.infof("%d deliveries were mid-send at an instance that is gone; checking them with the provider",
                    released);
        }
    }

    /** Up to {@code limit} deliveries due by {@code now} that no other worker holds, locked until the commit. */
    List<Delivery> due(Instant now, int limit) {
        return deliveries.claimDue(now, limit);
    }

    /** Makes the delivery SENDING under this instance's lease; the provider is asked from its first such moment on. */
    void take(Delivery delivery, Instant now) {
        if (delivery.unconfirmedSince == null) {
            delivery.unconfirmedSince = now;
        }
        delivery.status = DeliveryStatus.SENDING;
        delivery.leasedBy = instanceId;
        // PostgreSQL keeps microseconds: the lease must read back equal, as it is this worker's token.
        delivery.nextAttemptAt = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
        delivery.updatedAt = now;
    }

    Map<UUID, Delivery> current(List<UUID> ids) {
        return deliveries.byIds(ids);
    }

    /** Writes what the claim or the recording of outcomes changed on these deliveries, in one round trip. */
    void save(List<Delivery> changed) {
        deliveries.saveAll(changed);
    }

    /** Whether the lease taken until {@code leaseUntil} is still the delivery's: it did not run out and pass on. */
    static boolean stillHeld(Delivery delivery, Instant leaseUntil) {
        return delivery.status == DeliveryStatus.SENDING && leaseUntil.equals(delivery.nextAttemptAt);
    }
}
