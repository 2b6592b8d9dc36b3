package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.guidance.model.Category;
import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.ConsentBasis;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.Priority;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.model.Timing;
import io.aftercare.guidance.model.TimingKind;

class OverrideMergerTest {

    private static final ProtocolContent BASE = new ProtocolContent("Aftercare", "en",
            Map.of("sunAvoidanceHours", 48, "makeupAvoidanceHours", 24),
            List.of(rule("cleanse"), rule("sun"), rule("makeup")), new MessageBudget(3, null, 12, null));
    private static final ProtocolService.Version VERSION = new ProtocolService.Version("microneedling", 4,
            Instant.parse("2026-05-01T10:00:00Z"), BASE);

    @Test
    void theClinicsParameterValuesStandOverTheProtocolsAndTheOthersStay() {
        ClinicOverrideContent override = override(Map.of("sunAvoidanceHours", 72), null, null);

        assertThat(OverrideMerger.parameters(BASE, override))
                .isEqualTo(Map.of("sunAvoidanceHours", 72, "makeupAvoidanceHours", 24));
    }

    @Test
    void disabledRulesGoAndTheClinicsOwnComeAfterTheRestInTheirOrder() {
        ClinicOverrideContent override = override(null, List.of("sun"), List.of(rule("clinic-tip")));

        assertThat(OverrideMerger.rules(BASE, override)).extracting(Rule::key)
                .containsExactly("cleanse", "makeup", "clinic-tip");
    }

    @Test
    void theClinicsBudgetStandsOverTheProtocolsAndTheHealthcareExemptionCapsBoth() {
        ClinicOverrideContent own = new ClinicOverrideContent(null, null, null, null, null, null,
                ConsentBasis.EXPRESS_CONSENT, new MessageBudget(null, 10, null, Duration.ofMinutes(90)), null);
        ClinicOverrideContent exempt = new ClinicOverrideContent(null, null, null, null, null, null,
                ConsentBasis.HEALTHCARE_EXEMPTION, null, null);

        assertThat(OverrideMerger.budget(BASE, own)).isEqualTo(new MessageBudget(3, 10, 12, Duration.ofMinutes(90)));
        assertThat(OverrideMerger.budget(BASE, exempt)).isEqualTo(new MessageBudget(1, 3, 9, Duration.ofMinutes(60)));
    }

    @Test
    void aClinicWithoutAnOverrideHasTheProtocolAsPublished() {
        EffectiveProtocol effective = OverrideMerger.unchanged("microneedling", VERSION, "clinic-1");

        assertThat(effective).isEqualTo(new EffectiveProtocol("microneedling", 4, "clinic-1", null, "Aftercare", "en",
                SendWindow.DEFAULT, BASE.parameters(), BASE.rules(), null, BASE.effectiveBudget(), false));
    }

    @Test
    void anOverrideGivesTheClinicsNamePhoneWindowAndWhetherItRecommendsAnotherSession() {
        SendWindow window = new SendWindow(LocalTime.of(9, 0), LocalTime.of(19, 0));
        ClinicOverrideContent override = new ClinicOverrideContent("Clinica Sol", null, List.of("makeup"), null,
                window, "+34912345678", null, null, true);

        EffectiveProtocol effective = OverrideMerger.merged("microneedling", VERSION, "clinic-1", override);

        assertThat(effective.clinicName()).isEqualTo("Clinica Sol");
        assertThat(effective.clinicPhone()).isEqualTo("+34912345678");
        assertThat(effective.sendWindow()).isEqualTo(window);
        assertThat(effective.recommendsNextSession()).isTrue();
        assertThat(effective.rules()).extracting(Rule::key).containsExactly("cleanse", "sun");
        assertThat(effective.version()).isEqualTo(4);
        assertThat(OverrideMerger.merged("microneedling", VERSION, "clinic-1", override(null, null, null))
                .sendWindow()).isEqualTo(SendWindow.DEFAULT);
    }

    private static ClinicOverrideContent override(Map<String, Integer> parameters, List<String> disabled,
            List<Rule> added) {
        return new ClinicOverrideContent(null, parameters, disabled, added, null);
    }

    private static Rule rule(String key) {
        return new Rule(key, Category.CLEANSING,
                new Timing(TimingKind.AFTER, Duration.ofHours(4), null, null, null, null, null), Duration.ofHours(6),
                Priority.NORMAL, List.of(Channel.SMS), List.of(), null, Map.of());
    }
}
