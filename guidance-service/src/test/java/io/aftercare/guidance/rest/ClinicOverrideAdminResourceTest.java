package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicOverrideAdminResourceTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static final Map<String, String> TREATED = Map.of("treatedAt", "2026-06-10T10:00:00+02:00", "zone",
            "Europe/Madrid");

    @Test
    void anOverrideChangesThatClinicsPlanAndNoOtherClinics() {
        String clinic = "sunny-" + System.nanoTime();
        String other = "other-" + System.nanoTime();
        String override = """
                {
                  "clinicName": "Sunny Skin",
                  "phone": "+34911222333",
                  "parameters": {"sunAvoidanceHours": 72},
                  "disabledRules": ["hydrate"],
                  "addedRules": [{
                    "key": "clinic-call", "category": "follow-up",
                    "timing": {"kind": "local-time", "day": 4, "at": "11:00"},
                    "validity": "PT8H", "priority": "normal", "channels": ["sms", "email"], "rank": 1,
                    "sources": [{"article": "clinic", "title": "Sunny Skin protocol", "passage": "we call on day 4"}],
                    "templates": {"en": {"sms": "We will call you today to see how you are.",
                      "emailSubject": "We will call you today", "emailBody": "We will call you today."}}
                  }],
                  "sendWindow": {"start": "09:00", "end": "19:00"}
                }
                """;
        admin().body(override).put(path(clinic)).then().statusCode(201);
        admin().body(override).put(path(clinic)).then().statusCode(200);

        JsonPath mine = PlanEndpointTest.plan(with("clinicId", clinic));
        JsonPath theirs = PlanEndpointTest.plan(with("clinicId", other));

        // 72 hours after 08:00Z is 08:00Z three days on (10:00 in Madrid, inside the clinic's 09:00-19:00 window).
        assertThat(PlanEndpointTest.reminder(mine, "sun-protection", 0)).containsEntry("dueAt",
                "2026-06-13T08:00:00Z");
        assertThat(PlanEndpointTest.reminder(theirs, "sun-protection", 0)).containsEntry("dueAt",
                "2026-06-12T08:00:00Z");
        assertThat(mine.getList("placements.ruleKey")).doesNotContain("hydrate").contains("clinic-call");
        assertThat(theirs.getList("placements.ruleKey")).contains("hydrate").doesNotContain("clinic-call");
        assertThat(PlanEndpointTest.reminder(mine, "clinic-call", 0)).containsEntry("dueLocal",
                "2026-06-14T11:00:00");
        assertThat(mine.getString("reminders.find { it.ruleKey == 'leaving' }.messages.email.body"))
                .contains("72 hours");
        assertThat(mine.getString("reminders.find { it.ruleKey == 'leaving' }.messages.sms"))
                .contains("Sunny Skin");
        // The safety net gives the clinic's number.
        assertThat((String) ((Map<?, ?>) PlanEndpointTest.reminder(mine, "settling-check", 0).get("messages"))
                .get("sms")).contains("+34911222333");
        assertThat(mine.getString("sendWindow.end")).startsWith("19:00");
        PlanEndpointTest.asOperator().get("/v1/protocols/microneedling?clinicId=" + clinic)
                .then()
                .statusCode(200)
                .body("parameters.sunAvoidanceHours", org.hamcrest.Matchers.equalTo(72));
    }

    @Test
    void aClinicsViewOfTheProtocolNeedsALogin() {
        String clinic = "private-" + System.nanoTime();
        admin().body("{\"clinicName\": \"Clinica Reservada\", \"phone\": \"+34911000111\"}").put(path(clinic))
                .then().statusCode(201);
        String plan = "/v1/protocols/microneedling/plan?treatedAt=2026-03-07T17:00:00Z&zone=UTC&firstName=Ana&clinicId="
                + clinic;
        String effective = "/v1/protocols/microneedling?clinicId=" + clinic;
        for (String url : java.util.List.of(plan, effective)) {
            given().get(url).then().statusCode(401).contentType("application/problem+json")
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Reservada")));
            given().auth().preemptive().basic("operator", "wrong").get(url).then().statusCode(401);
            given().auth().preemptive().basic("reader", "reader").get(url).then().statusCode(403);
            PlanEndpointTest.asOperator().get(url).then().statusCode(200);
            given().auth().preemptive().basic("admin", "admin").get(url).then().statusCode(200);
        }
        // The base protocol stays open.
        given().get("/v1/protocols/microneedling").then().statusCode(200);
        given().get("/v1/protocols/microneedling/plan?treatedAt=2026-03-07T17:00:00Z&zone=UTC&firstName=Ana").then()
                .statusCode(200);
    }

    @Test
    void aSecondSaveReplacesTheStoredOverrideWhole() {
        String clinic = "replaced-" + System.nanoTime();
        admin().body("{\"clinicName\": \"Clinica Primera\", \"parameters\": {\"sunAvoidanceHours\": 72}}")
                .put(path(clinic)).then().statusCode(201);
        assertThat(PlanEndpointTest.reminder(PlanEndpointTest.plan(with("clinicId", clinic)), "sun-protection", 0))
                .containsEntry("dueAt", "2026-06-13T08:00:00Z");

        admin().body("{\"clinicName\": \"Clinica Segunda\"}").put(path(clinic)).then().statusCode(200);

        admin().get(path(clinic)).then().statusCode(200).body("clinicName", equalTo("Clinica Segunda"));
        // The replacement has no parameters of its own: the base protocol's 48 hours are back.
        assertThat(PlanEndpointTest.reminder(PlanEndpointTest.plan(with("clinicId", clinic)), "sun-protection", 0))
                .containsEntry("dueAt", "2026-06-12T08:00:00Z");
    }

    @Test
    void anOverrideChangeIsAnnouncedSoThatTheClinicsPlansAreComputedAgain() {
        String clinic = "announced-" + System.nanoTime();
        admin().body("{\"clinicName\": \"Clinica Luz\"}").put(path(clinic)).then().statusCode(201);

        try (TopicReader topic = new TopicReader(bootstrapServers, "protocol-published")) {
            var events = topic.read(r -> r.value().contains("\"clinicId\":\"" + clinic + "\""), 1,
                    java.time.Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"treatment\":\"microneedling\"");
        }
    }

    @Test
    void waitsShorterThanTheArticlesAllowAreRefusedWithTheReason() {
        String clinic = "short-" + System.nanoTime();
        admin().body("""
                {"parameters": {"sunAvoidanceHours": 24, "makeupAvoidanceHours": 12, "exerciseAvoidanceHours": 23}}
                """)
                .put(path(clinic))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("parameters.sunAvoidanceHours", "parameters.makeupAvoidanceHours",
                        "parameters.exerciseAvoidanceHours"))
                .body("errors.find { it.field == 'parameters.sunAvoidanceHours' }.message",
                        org.hamcrest.Matchers.containsString("at least 48 hours"));
        // The floors themselves are allowed.
        admin().body("""
                {"parameters": {"sunAvoidanceHours": 48, "makeupAvoidanceHours": 24, "exerciseAvoidanceHours": 24}}
                """).put(path(clinic)).then().statusCode(201);
    }

    @Test
    void anOverrideWhosePlansWouldBreakTheBudgetIsRefusedWithTheReason() {
        String clinic = "pushy-" + System.nanoTime();
        // Urgent advice goes whatever the budget: three urgent texts a day would break it.
        admin().body("""
                {"addedRules": [{
                    "key": "clinic-nudge", "category": "follow-up",
                    "timing": {"kind": "daily", "day": 1, "times": ["09:00", "13:00", "17:00"], "days": 2},
                    "validity": "PT2H", "priority": "urgent", "channels": ["sms"],
                    "sources": [{"article": "clinic", "title": "Clinic protocol", "passage": "we nudge"}],
                    "templates": {"en": {"sms": "A nudge from us."}}
                }]}
                """)
                .put(path(clinic))
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("override"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        "texts a day")));
        // A budget the healthcare exemption does not allow is refused too.
        admin().body("""
                {"consentBasis": "healthcare-exemption", "budget": {"smsPerDay": 2}}
                """)
                .put(path(clinic))
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("budget"));
        admin().get(path(clinic)).then().statusCode(404);
    }

    @Test
    void aClinicNameThatNamesTheTreatmentIsRefused() {
        admin().body("""
                {"clinicName": "Microneedling Madrid"}
                """).put(path("named-" + System.nanoTime())).then().statusCode(422)
                .body("errors.field", hasItems("clinicName"));
    }

    @Test
    void aBadOverrideIsRefusedWithEveryFaultAndStoresNothing() {
        String clinic = "bad-" + System.nanoTime();
        String override = """
                {
                  "parameters": {"moonAvoidanceHours": 12, "sunAvoidanceHours": 0},
                  "disabledRules": ["no-such-rule"],
                  "clinicName": "A clinic name far too long to fit",
                  "sendWindow": {"start": "20:00", "end": "08:00"}
                }
                """;
        admin().body(override)
                .put(path(clinic))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("parameters.moonAvoidanceHours", "parameters.sunAvoidanceHours",
                        "disabledRules[0]", "clinicName", "sendWindow"));
        admin().get(path(clinic)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAddedRuleWithAnIndiscreetTextIsRefused() {
        String clinic = "loud-" + System.nanoTime();
        String override = """
                {"addedRules": [{
                    "key": "acne-check", "category": "follow-up",
                    "timing": {"kind": "after", "after": "P3D"}, "validity": "PT8H", "priority": "normal",
                    "channels": ["sms"], "sources": [{"article": "clinic", "title": "t", "passage": "p"}],
                    "templates": {"en": {"sms": "Hi {firstName}, how are your acne scars after the treatment?"}}
                }]}
                """;
        admin().body(override)
                .put(path(clinic))
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("addedRules[0].templates.en.sms"));
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> query = new java.util.HashMap<>(TREATED);
        query.put(key, value);
        return query;
    }

    private static String path(String clinic) {
        return "/v1/admin/clinics/" + clinic + "/protocols/microneedling";
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON);
    }
}
