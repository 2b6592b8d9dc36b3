package io.aftercare.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RedeliveryTest {

    @Test
    void aDatabaseThatIsAwayIsWaitedOut() {
        AtomicInteger attempts = new AtomicInteger();

        Redelivery.untilHandled("event e1", () -> {
            switch (attempts.incrementAndGet()) {
                case 1 -> throw new IllegalStateException(new SQLTransientConnectionException("pool exhausted"));
                case 2 -> throw new RuntimeException(new SQLException("terminating connection", "57P01"));
                case 3 -> throw new RuntimeException(new SQLException("Acquisition timeout while waiting"));
                default -> {
                }
            }
        });

        assertThat(attempts).hasValue(4);
    }

    @Test
    void aFailureNoRetryFixesIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Redelivery.untilHandled("event e2", () -> {
            attempts.incrementAndGet();
            throw new RuntimeException(new SQLException("duplicate key", "23505"));
        })).hasRootCauseMessage("duplicate key");

        assertThat(attempts).hasValue(1);
    }

    @Test
    void connectionFailuresAndClashesPassOthersDoNot() {
        assertThat(Redelivery.passing(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(Redelivery.passing(new RuntimeException(new SQLException("could not connect", "08006")))).isTrue();
        assertThat(Redelivery.passing(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Redelivery.passing(new IllegalArgumentException("not a uuid"))).isFalse();
        assertThat(Redelivery.passing(new SQLException("value too long", "22001"))).isFalse();
    }
}
