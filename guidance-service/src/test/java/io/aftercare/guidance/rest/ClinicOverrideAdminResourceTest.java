package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
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

    private static final Map<String, String> TREATED = Map.of("treatedAt", "2026-06-10T10:00:00+02:00", "zone",
            "Europe/Madrid");

    @Test
    void anOverrideChangesThatClinicsPlanAndNoOtherClinics() {
        String clinic = "sunny-" + System.nanoTime();
        String other = "other-" + System.nanoTime();
        String override = """
                {
                  "clinicName": "Sunny Skin",
                  "parameters": {"sunAvoidanceHours": 72},
                  "disabledRules": ["hydrate"],
                  "addedRules": [{
                    "key": "clinic-call", "category": "follow-up",
                    "timing": {"kind": "local-time", "day": 3, "at": "11:00"},
                    "validity": "PT8H", "priority": "normal", "channels": ["sms"],
                    "sources": [{"article": "clinic", "title": "Sunny Skin protocol", "passage": "we call on day 3"}],
                    "templates": {"en": {"sms": "Hi {firstName}, {clinicName} will call you today to see how you are."}}
                  }],
                  "sendWindow": {"start": "09:00", "end": "19:00"}
                }
                """;
        admin().body(override).put(path(clinic)).then().statusCode(201);
        admin().body(override).put(path(clinic)).then().statusCode(200);

        JsonPath mine = PlanEndpointTest.plan(with("clinicId", clinic));
        JsonPath theirs = PlanEndpointTest.plan(with("clinicId", other));

        assertThat(PlanEndpointTest.reminder(mine, "sun-protection", 0)).containsEntry("dueAt",
                "2026-06-13T08:00:00Z");
        assertThat(PlanEndpointTest.reminder(theirs, "sun-protection", 0)).containsEntry("dueAt",
                "2026-06-12T08:00:00Z");
        assertThat(mine.getList("reminders.ruleKey")).doesNotContain("hydrate").contains("clinic-call");
        assertThat(theirs.getList("reminders.ruleKey")).contains("hydrate").doesNotContain("clinic-call");
        assertThat(PlanEndpointTest.reminder(mine, "clinic-call", 0)).containsEntry("dueLocal",
                "2026-06-13T11:00:00");
        assertThat(mine.getString("reminders.find { it.ruleKey == 'avoid-sun' }.messages.sms")).contains("72 hours");
        assertThat(mine.getString("reminders.find { it.ruleKey == 'what-to-expect' }.messages.sms"))
                .contains("Sunny Skin");
        assertThat(mine.getString("sendWindow.end")).startsWith("19:00");
        given().get("/v1/protocols/microneedling?clinicId=" + clinic)
                .then()
                .statusCode(200)
                .body("parameters.sunAvoidanceHours", org.hamcrest.Matchers.equalTo(72));
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
