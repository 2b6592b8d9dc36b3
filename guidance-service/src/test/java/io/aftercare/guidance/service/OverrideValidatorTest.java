package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.ConsentBasis;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.problem.Problem.FieldError;

/** The checks of an override on the shipped protocol, with the real content and plan checks. */
class OverrideValidatorTest {

    private final OverrideValidator validator = new OverrideValidator(new ContentValidator(),
            new PlanChecks(new PlanCalculator()));

    @Test
    void anOverrideThatKeepsThePlansPublishablePasses() throws IOException {
        ClinicOverrideContent override = new ClinicOverrideContent("Clinica Sol", Map.of("sunAvoidanceHours", 72),
                null, null, new SendWindow(LocalTime.of(9, 0), LocalTime.of(19, 0)), "+34912345678", null, null,
                null);

        assertThat(validator.validate(shipped(), override)).isEmpty();
    }

    @Test
    void everyFaultOfItsOwnFieldsIsReportedAtOnce() throws IOException {
        ClinicOverrideContent override = new ClinicOverrideContent("Microneedling Studio",
                Map.of("sunAvoidanceHours", 24, "noSuchWait", 10), List.of("no-such-rule"), null,
                new SendWindow(LocalTime.of(20, 0), LocalTime.of(8, 0)), "612345678", ConsentBasis.HEALTHCARE_EXEMPTION,
                new MessageBudget(3, null, null, null), null);

        assertThat(validator.validate(shipped(), override)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("parameters.noSuchWait", "disabledRules[0]", "clinicName", "phone",
                        "parameters.sunAvoidanceHours", "budget", "sendWindow");
    }

    @Test
    void aClinicsOwnRuleIsCheckedOnceItsFieldsAreSound() throws IOException {
        ProtocolContent shipped = shipped();
        ClinicOverrideContent override = new ClinicOverrideContent(null, null, null,
                List.of(shipped.rules().get(0)), null);

        assertThat(validator.validate(shipped, override)).extracting(FieldError::field)
                .containsExactly("addedRules[0].key");
    }

    private static ProtocolContent shipped() throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = OverrideValidatorTest.class.getResourceAsStream("/seed/microneedling.json")) {
            return json.readValue(in, ProtocolContent.class);
        }
    }
}
