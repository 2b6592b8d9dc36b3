package io.aftercare.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.aftercare.console.model.ConversationRecord;

/**
 * How the timeline takes notification's answer for a booking's conversation. notification itself is not started in
 * this module's tests (its 404 for a booking it has nothing of is tested in notification's ConversationResourceTest);
 * here the answer is the status it sends.
 */
class CareRecordsTest {

    private static final UUID BOOKING = UUID.randomUUID();

    @Test
    void aBookingNotificationHasNothingOfYetHasAnEmptyConversation() {
        ConversationRecord none = CareRecords.conversation(BOOKING, () -> {
            throw answered(404);
        });

        assertThat(none.bookingId()).isEqualTo(BOOKING);
        assertThat(none.replies()).isEmpty();
        assertThat(none.optOuts()).isEmpty();
    }

    @Test
    void aConversationNotificationAnsweredIsTakenAsItIs() {
        ConversationRecord answer = new ConversationRecord(BOOKING, List.of(),
                List.of(new ConversationRecord.OptOut("sms", "STOP", false, Instant.EPOCH)));

        assertThat(CareRecords.conversation(BOOKING, () -> answer)).isSameAs(answer);
    }

    @Test
    void anyOtherRefusalIsNotTakenForAnEmptyConversation() {
        for (int status : new int[]{401, 403, 500, 503}) {
            assertThatThrownBy(() -> CareRecords.conversation(BOOKING, () -> {
                throw answered(status);
            })).as("status %d", status).isInstanceOf(WebApplicationException.class);
        }
    }

    private static WebApplicationException answered(int status) {
        return new WebApplicationException(Response.status(status).type("application/problem+json").build());
    }
}
