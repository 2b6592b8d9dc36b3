package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.guidance.model.Category;
import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.Priority;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.model.Source;
import io.aftercare.guidance.model.Template;
import io.aftercare.guidance.model.Timing;
import io.aftercare.guidance.model.TimingKind;

/** The edges of the time semantics, on rules made for them. */
class PlanCalculatorTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final PlanCalculator calculator = new PlanCalculator();

    @Test
    void aWallClockTimeInTheSpringGapMovesForwardByTheGap() {
        // 2026-03-08 02:30 does not exist in New York: clocks jump from 02:00 to 03:00.
        Rule rule = rule(new Timing(TimingKind.LOCAL_TIME, null, null, 1, LocalTime.of(2, 30), null, null),
                Priority.URGENT);

        PlannedReminder reminder = plan(rule, Instant.parse("2026-03-07T22:00:00Z"), NEW_YORK).get(0);

        assertThat(reminder.dueLocal()).isEqualTo(LocalDateTime.parse("2026-03-08T03:30"));
        assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void anAmbiguousWallClockTimeInTheAutumnOverlapTakesTheEarlierInstant() {
        // 2026-11-01 01:30 happens twice in New York; the first (EDT, -04:00) is taken.
        Rule rule = rule(new Timing(TimingKind.LOCAL_TIME, null, null, 1, LocalTime.of(1, 30), null, null),
                Priority.URGENT);

        PlannedReminder reminder = plan(rule, Instant.parse("2026-10-31T20:00:00Z"), NEW_YORK).get(0);

        assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void aDurationIsElapsedTimeAcrossAClockChange() {
        Rule rule = rule(new Timing(TimingKind.AFTER, Duration.ofHours(24), null, null, null, null, null),
                Priority.URGENT);

        PlannedReminder reminder = plan(rule, Instant.parse("2026-03-07T22:00:00Z"), NEW_YORK).get(0);

        // 17:00 EST plus 24 real hours is 18:00 EDT the next day.
        assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2026-03-08T22:00:00Z"));
        assertThat(reminder.dueLocal()).isEqualTo(LocalDateTime.parse("2026-03-08T18:00"));
    }

    @Test
    void normalAdviceWaitsForTheWindowAndUrgentAdviceDoesNot() {
        Timing afterFourHours = new Timing(TimingKind.AFTER, Duration.ofHours(4), null, null, null, null, null);
        Instant end = Instant.parse("2026-06-10T21:00:00Z"); // 17:00 in New York; +4 h is 21:00, past 20:00

        PlannedReminder normal = plan(rule(afterFourHours, Priority.NORMAL), end, NEW_YORK).get(0);
        PlannedReminder urgent = plan(rule(afterFourHours, Priority.URGENT), end, NEW_YORK).get(0);

        assertThat(normal.dueLocal()).isEqualTo(LocalDateTime.parse("2026-06-11T08:00"));
        assertThat(normal.expiresAt()).isEqualTo(normal.dueAt().plus(Duration.ofHours(6)));
        assertThat(urgent.dueLocal()).isEqualTo(LocalDateTime.parse("2026-06-10T21:00"));
    }

    @Test
    void dailyAdviceSkipsTimesBeforeTheTreatmentEndedAndCountsOccurrences() {
        Rule rule = rule(new Timing(TimingKind.DAILY, null, null, 0, null,
                List.of(LocalTime.of(19, 30), LocalTime.of(8, 30)), 2), Priority.NORMAL);

        List<PlannedReminder> plan = plan(rule, Instant.parse("2026-06-10T16:00:00Z"), NEW_YORK); // 12:00 local

        assertThat(plan).extracting(PlannedReminder::dueLocal)
                .containsExactly(LocalDateTime.parse("2026-06-10T19:30"), LocalDateTime.parse("2026-06-11T08:30"),
                        LocalDateTime.parse("2026-06-11T19:30"));
        // Each occurrence of the rule is its own moment here (far apart), and the placements count them.
        assertThat(plan).flatExtracting(PlannedReminder::rules)
                .extracting(PlannedReminder.Placement::occurrence)
                .containsExactly(0, 1, 2);
    }

    @Test
    void aRegionalLocaleFallsBackToItsLanguageThenToTheDefault() {
        Rule rule = rule(new Timing(TimingKind.AFTER, Duration.ZERO, null, null, null, null, null), Priority.URGENT);

        assertThat(PlanCalculator.localeOf(rule, "es-MX", "en")).isEqualTo("es");
        assertThat(PlanCalculator.localeOf(rule, "fr", "en")).isEqualTo("en");
    }

    private List<PlannedReminder> plan(Rule rule, Instant end, ZoneId zone) {
        EffectiveProtocol protocol = new EffectiveProtocol("test", 1, null, "Clinic", "Test", "en",
                SendWindow.DEFAULT, Map.of(), List.of(rule), null, MessageBudget.DEFAULT, false);
        return calculator.plan(protocol, new PlanCalculator.Request(end, zone, "en", SendWindow.DEFAULT, "Ana"))
                .moments();
    }

    private static Rule rule(Timing timing, Priority priority) {
        Template en = new Template("Hi {firstName}", "Subject", "Body");
        Template es = new Template("Hola {firstName}", "Asunto", "Cuerpo");
        return new Rule("edge", Category.EXPECTATIONS, timing, Duration.ofHours(6), priority, List.of(Channel.SMS),
                List.of(new Source("seed-000", "t", "p")), null, Map.of("en", en, "es", es));
    }
}
