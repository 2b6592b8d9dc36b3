package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.guidance.model.Rule;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every piece of advice of the two source articles must reach patients through at least one rule of the published
 * protocol, saying what the articles say. Removing or emptying a rule makes this test fail.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class AdviceCoverageTest {

    private static final Set<String> SOURCE_ARTICLES = Set.of("seed-000", "seed-004");

    /** Each piece of advice: the rule that carries it, and phrases its English email must contain. */
    private static final Map<String, Map<String, List<String>>> ADVICE = new LinkedHashMap<>();

    static {
        ADVICE.put("keep the skin clean with a gentle cleanser twice a day, pat dry",
                Map.of("cleanse-gently", List.of("gentle, non-abrasive cleanser", "morning and evening", "Pat")));
        ADVICE.put("moisturize with a soothing, hydrating product",
                Map.of("moisturize", List.of("aloe vera", "chamomile", "hyaluronic acid")));
        ADVICE.put("no direct sun for at least 48 hours", Map.of("avoid-sun", List.of("Avoid direct sun", "48 hours")));
        ADVICE.put("then broad-spectrum SPF 30+, a hat, shade",
                Map.of("sun-protection", List.of("broad-spectrum", "SPF 30", "hat", "shade")));
        ADVICE.put("no makeup for 48 hours (the conservative reading)",
                Map.of("avoid-makeup", List.of("makeup", "48 hours")));
        ADVICE.put("makeup is fine again", Map.of("makeup-ok", List.of("wear makeup again")));
        ADVICE.put("don't pick, no harsh scrubs or exfoliants, don't touch the face",
                Map.of("hands-off", List.of("Don't pick", "scrubs and exfoliants", "touch your face")));
        ADVICE.put("no strenuous exercise, sweating or friction for 48 hours",
                Map.of("rest-from-exercise", List.of("strenuous exercise", "sweat", "48 hours")));
        ADVICE.put("drink about eight glasses of water, eat a balanced diet",
                Map.of("hydrate", List.of("eight glasses of water", "balanced diet")));
        ADVICE.put("expect redness and mild swelling that settle within a few days",
                Map.of("what-to-expect", List.of("redness and mild swelling", "few days")));
        ADVICE.put("follow up with the provider", Map.of("follow-up", List.of("provider", "follow-up")));
        ADVICE.put("book the next session", Map.of("book-next-session", List.of("book your next")));
    }

    @Inject
    ProtocolService protocols;

    @Test
    void everyPieceOfAdviceHasARuleThatSaysIt() {
        Map<String, Rule> rules = protocols.latest("microneedling")
                .content()
                .rules()
                .stream()
                .collect(Collectors.toMap(Rule::key, r -> r));
        Map<String, String> values = Map.of("sunAvoidanceHours", "48", "makeupAvoidanceHours", "48",
                "exerciseAvoidanceHours", "48", "firstName", "Ana", "clinicName", "Clinic");

        ADVICE.forEach((advice, expected) -> expected.forEach((key, phrases) -> {
            assertThat(rules).as("a rule for: " + advice).containsKey(key);
            Rule rule = rules.get(key);
            assertThat(rule.sources()).as("sources of " + key).isNotEmpty();
            assertThat(rule.sources()).allSatisfy(source -> assertThat(SOURCE_ARTICLES).contains(source.article()));
            String email = TemplateRenderer.render(rule.templates().get("en").emailBody(), values);
            assertThat(email).as("English email of " + key + " for: " + advice).contains(phrases);
        }));
    }

    @Test
    void theMakeupRuleExplainsItsConservativeReading() {
        Rule makeup = protocols.latest("microneedling")
                .content()
                .rules()
                .stream()
                .filter(r -> r.key().equals("avoid-makeup"))
                .findFirst()
                .orElseThrow();
        assertThat(makeup.note()).contains("24", "48", "conservative");
        assertThat(makeup.sources()).hasSize(2);
    }
}
