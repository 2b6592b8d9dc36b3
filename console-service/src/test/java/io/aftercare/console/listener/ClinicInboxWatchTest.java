package io.aftercare.console.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.console.model.InboxChanges;
import io.aftercare.console.model.InboxSignal;

/**
 * One clinic's live inbox: each poll asks from a little before the last answer, so the same change can come twice; it
 * is told to the browsers once, a later change of the same reply again, and the counts only when they move.
 */
class ClinicInboxWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theFirstPollOnlyLearnsTheCountsAndWhereToAskFrom() {
        ClinicInboxWatch watch = new ClinicInboxWatch();
        assertThat(watch.since()).isNull();

        List<InboxSignal> signals = watch.signals(new InboxChanges(T0, 3, 1, List.of()));

        assertThat(signals).containsExactly(InboxSignal.counts(3, 1));
        assertThat(watch.since()).isEqualTo(T0.minus(ClinicInboxWatch.OVERLAP).toString());
        // Nothing moved: nothing to tell.
        assertThat(watch.signals(new InboxChanges(T0.plusSeconds(2), 3, 1, List.of()))).isEmpty();
    }

    @Test
    void eachChangeIsToldOnceAndALaterChangeOfTheSameReplyAgain() {
        ClinicInboxWatch watch = new ClinicInboxWatch();
        watch.signals(new InboxChanges(T0, 0, 0, List.of()));
        UUID reply = UUID.randomUUID();
        InboxChanges.Change arrived = new InboxChanges.Change(reply, "open", true, T0.plusSeconds(1),
                T0.plusSeconds(1), null, null);

        assertThat(watch.signals(new InboxChanges(T0.plusSeconds(2), 1, 1, List.of(arrived)))).containsExactly(
                new InboxSignal("reply", reply, "open", true, 1, 1), InboxSignal.counts(1, 1));
        // The overlapping next poll brings it again: not told twice.
        assertThat(watch.signals(new InboxChanges(T0.plusSeconds(4), 1, 1, List.of(arrived)))).isEmpty();

        InboxChanges.Change handled = new InboxChanges.Change(reply, "handled", true, T0.plusSeconds(1),
                T0.plusSeconds(5), null, "person-1");
        assertThat(watch.signals(new InboxChanges(T0.plusSeconds(6), 0, 0, List.of(handled)))).containsExactly(
                new InboxSignal("reply", reply, "handled", true, 0, 0), InboxSignal.counts(0, 0));
    }
}
