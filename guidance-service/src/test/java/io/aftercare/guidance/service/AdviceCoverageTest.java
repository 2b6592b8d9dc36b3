package io.aftercare.guidance.service;

import static io.restassured.RestAssured.given;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every fact of the two source articles is carried by a patient's plan, by text or by email, in the words of the
 * articles. The test says which moment carries which fact (printed, and in every failure message); removing a rule,
 * emptying its email or leaving it out of the plan makes it fail.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class AdviceCoverageTest {

    static final String BEST_AFTERCARE = "What Is The Best Aftercare For Your Skin After Microneedling?";
    static final String SOOTHE_AND_NOURISH = "Micro Needling Aftercare: How to Soothe and Nourish Your Skin";

    /** Each fact of the articles: the rule that carries it, and phrases the moment's email must contain. */
    private static final Map<String, Map<String, List<String>>> FACTS = new LinkedHashMap<>();

    static {
        FACTS.put("keep the skin clean with a gentle, non-abrasive cleanser twice a day; no harsh products; pat dry "
                + "with a clean towel",
                Map.of("cleanse-gently", List.of("gentle, non-abrasive cleanser",
                        "twice a day", "harsh or abrasive products", "Pat your skin dry with a clean towel")));
        FACTS.put("moisturize with a gentle, hydrating, soothing product (aloe vera, chamomile, hyaluronic acid)",
                Map.of("moisturize", List.of("hydrating moisturizer", "aloe vera", "chamomile", "hyaluronic acid")));
        FACTS.put("no direct sun for at least 48 hours; outside, broad-spectrum SPF 30+, a hat, shade",
                Map.of("avoid-sun", List.of("Avoid direct sun for at least 48 hours", "broad-spectrum",
                        "SPF of at least 30", "hat", "shade")));
        FACTS.put("sun protection goes on after the first 48 hours", Map.of("sun-protection",
                List.of("SPF of at least 30", "hat or shade")));
        FACTS.put("no makeup for 24 to 48 hours (we take 48): it clogs pores and slows healing",
                Map.of("avoid-makeup", List.of("at least 48 hours", "clog your pores", "slow down the healing")));
        FACTS.put("makeup is fine again after that", Map.of("makeup-ok", List.of("wear makeup again")));
        FACTS.put("no heavy exercise, sweating or friction for 24 to 48 hours (we take 48)",
                Map.of("rest-from-exercise", List.of("heavy exercise", "sweat", "at least 48 hours")));
        FACTS.put("exercise is fine again after that", Map.of("exercise-ok", List.of("go back to exercise")));
        FACTS.put("don't pick scabs or peeling skin; no harsh scrubs or exfoliants; don't touch the face",
                Map.of("hands-off", List.of("Don't pick", "harsh scrubs and exfoliants", "touching your face")));
        FACTS.put("drink plenty of water, at least eight glasses a day; eat a balanced diet",
                Map.of("hydrate", List.of("at least eight glasses", "balanced diet")));
        FACTS.put("redness and mild swelling are normal and subside within a few days",
                Map.of("what-to-expect", List.of("redness and mild swelling", "within a few days")));
        FACTS.put("the skin is more open to infection: what should settle, and when to call the clinic",
                Map.of("settling-check", List.of("redness and mild swelling should be subsiding", "infection")));
        FACTS.put("follow up with the provider and follow their recommendations",
                Map.of("follow-up", List.of("as your provider advised", "follow-up appointment")));
        FACTS.put("the provider may recommend additional treatments",
                Map.of("book-next-session", List.of("recommended additional treatments")));
    }

    @Inject
    ProtocolService protocols;

    @Test
    void everyFactOfBothArticlesIsCarriedByAMomentOfThePlan() {
        String clinic = "coverage-" + System.nanoTime();
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"recommendsNextSession\": true}")
                .put("/v1/admin/clinics/" + clinic + "/protocols/microneedling").then().statusCode(201);
        JsonPath plan = given().auth().preemptive().basic("operator", "operator")
                .queryParam("treatedAt", "2026-06-10T17:00:00+02:00")
                .queryParam("zone", "Europe/Madrid")
                .queryParam("firstName", "Ana")
                .queryParam("clinicId", clinic)
                .queryParam("marketingConsent", "true")
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> placements = plan.getList("placements");

        FACTS.forEach((fact, carried) -> carried.forEach((ruleKey, phrases) -> {
            Map<String, Object> placement = placements.stream()
                    .filter(p -> ruleKey.equals(p.get("ruleKey")) && p.get("moment") != null)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no moment carries " + ruleKey + " for: " + fact));
            String moment = (String) placement.get("moment");
            String email = plan.getString("reminders.find { it.ruleKey == '" + moment + "' }.messages.email.body");
            System.out.printf("fact \"%s\" -> rule %s -> moment %s (%s)%n", fact, ruleKey, moment,
                    placement.get("via"));
            assertThat(email).as("the email of moment " + moment + ", which carries " + ruleKey + " for: " + fact)
                    .contains(phrases);
        }));
    }

    @Test
    void everyRuleNamesItsSourceByTitleAndQuotesIt() {
        List<Rule> rules = protocols.latest("microneedling").content().rules();
        Set<String> titles = rules.stream()
                .flatMap(r -> r.sources().stream())
                .map(s -> s.title())
                .collect(Collectors.toSet());
        assertThat(titles).containsExactlyInAnyOrder(BEST_AFTERCARE, SOOTHE_AND_NOURISH);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.sources()).isNotEmpty()
                .allSatisfy(source -> assertThat(source.passage()).isNotBlank()));
    }

    @Test
    void claimsTheArticlesDoNotMakeAreGone() {
        String everything = protocols.latest("microneedling").content().rules().stream()
                .flatMap(r -> r.templates().values().stream())
                .map(t -> t.sms() + " " + t.emailBody())
                .collect(Collectors.joining(" "));
        assertThat(everything).doesNotContain("freshly opened pores", "can bring infection",
                "series of sessions", "you can be out in the sun again");
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
