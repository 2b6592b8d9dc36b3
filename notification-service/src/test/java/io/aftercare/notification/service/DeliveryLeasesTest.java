package io.aftercare.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.config.DeliveryConfig;

/** Taking a lease and telling whether it is still held, without the database the other steps need. */
class DeliveryLeasesTest {

    private static final Instant NOW = Instant.parse("2026-06-10T09:00:00.123456789Z");

    private final DeliveryLeases leases = new DeliveryLeases(null, Clock.fixed(NOW, ZoneOffset.UTC),
            config(Duration.ofSeconds(60)), "instance-a");

    @Test
    void aTakenDeliveryIsSendingUnderThisInstancesLeaseToTheMicrosecond() {
        Delivery delivery = new Delivery();
        delivery.status = DeliveryStatus.PENDING;

        leases.take(delivery, NOW);

        assertThat(delivery.status).isEqualTo(DeliveryStatus.SENDING);
        assertThat(delivery.leasedBy).isEqualTo("instance-a");
        assertThat(delivery.nextAttemptAt).isEqualTo(Instant.parse("2026-06-10T09:01:00.123456Z"));
        assertThat(delivery.unconfirmedSince).isEqualTo(NOW);
        assertThat(delivery.updatedAt).isEqualTo(NOW);
        assertThat(DeliveryLeases.stillHeld(delivery, delivery.nextAttemptAt)).isTrue();
    }

    @Test
    void aDeliveryTakenAgainKeepsWhenItFirstMayHaveReachedTheProvider() {
        Delivery delivery = new Delivery();
        Instant firstCall = NOW.minus(Duration.ofMinutes(5));
        delivery.unconfirmedSince = firstCall;

        leases.take(delivery, NOW);

        assertThat(delivery.unconfirmedSince).isEqualTo(firstCall);
    }

    @Test
    void aLeaseThatRanOutAndPassedOnOrEndedIsNoLongerHeld() {
        Delivery delivery = new Delivery();
        leases.take(delivery, NOW);
        Instant mine = delivery.nextAttemptAt;

        delivery.nextAttemptAt = mine.plusSeconds(60); // another worker's lease
        assertThat(DeliveryLeases.stillHeld(delivery, mine)).isFalse();

        delivery.nextAttemptAt = mine;
        delivery.status = DeliveryStatus.SENT;
        assertThat(DeliveryLeases.stillHeld(delivery, mine)).isFalse();
    }

    /** Only the lease is read. */
    private static DeliveryConfig config(Duration lease) {
        return (DeliveryConfig) Proxy.newProxyInstance(DeliveryConfig.class.getClassLoader(),
                new Class<?>[]{DeliveryConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lease")) {
                        return lease;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
