package io.aftercare.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class ContractTest {

    @ParameterizedTest
    @EnumSource(Contract.class)
    void everyExampleKeepsToItsSchema(Contract contract) {
        assertThat(contract.violations(contract.example())).isEmpty();
    }

    @Test
    void aRenamedFieldAWrongTypeOrABadDateBreakTheContract() {
        String example = Contract.NOTIFICATION_STATUS.example();

        assertThat(Contract.NOTIFICATION_STATUS.violations(example.replace("\"bookingId\"", "\"booking\"")))
                .anySatisfy(v -> assertThat(v).contains("bookingId"));
        assertThat(Contract.NOTIFICATION_STATUS.violations(example.replace("\"failed\"", "\"lost\""))).isNotEmpty();
        assertThat(Contract.NOTIFICATION_STATUS.violations(example.replace("2026-06-12T07:30:02Z", "yesterday")))
                .isNotEmpty();
        assertThatThrownBy(() -> Contract.NOTIFICATION_STATUS.assertValid("{}")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("notification-status.schema.json");
    }

    record Status(String reminderId, String status, String renamedAway) {
    }

    @Test
    void aConsumerRecordWithAFieldTheExampleDoesNotHaveIsCaught() {
        assertThatThrownBy(() -> Contract.NOTIFICATION_STATUS.readFully(new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false),
                Status.class)).isInstanceOf(AssertionError.class).hasMessageContaining("Status.renamedAway");
    }
}
