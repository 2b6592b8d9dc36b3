package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PlanEndpointTest {

    @Test
    void aNewYorkTreatmentBeforeTheSpringChangeIsTimedRightAcrossIt() {
        // Ends 2026-03-07 17:00 EST; clocks jump forward at 02:00 on 03-08.
        JsonPath plan = plan(Map.of("treatedAt", "2026-03-07T17:00:00-05:00", "zone", "America/New_York"));

        assertThat(plan.getInt("protocolVersion")).isGreaterThanOrEqualTo(1);
        // A duration: 48 real hours after 22:00Z, which the EDT wall clock shows as 18:00.
        assertThat(reminder(plan, "sun-protection", 0)).containsEntry("dueAt", "2026-03-09T22:00:00Z")
                .containsEntry("dueLocal", "2026-03-09T18:00:00");
        // A wall-clock time the day after: 08:00 EDT is 12:00Z, not 13:00Z.
        assertThat(reminder(plan, "hydrate", 0)).containsEntry("dueAt", "2026-03-08T12:00:00Z")
                .containsEntry("dueLocal", "2026-03-08T08:00:00");
        // The first cleanse three hours after the end (20:00 EST), then the next morning (EDT).
        assertThat(reminder(plan, "cleanse-gently", 0)).containsEntry("dueAt", "2026-03-08T01:00:00Z");
        assertThat(reminder(plan, "cleanse-gently", 1)).containsEntry("dueAt", "2026-03-08T12:00:00Z");
        assertThat(reminder(plan, "avoid-makeup", 0)).containsEntry("dueLocal", "2026-03-07T17:00:00")
                .containsEntry("ruleKey", "leaving");
        assertEveryNormalReminderInsideTheWindow(plan);
    }

    @Test
    void aPatientInKolkataBookedByAClinicInEuropeGetsThemInKolkatasDay() {
        // The clinic in Paris records 17:00 local; in Kolkata it is already 21:30, still time for the first text.
        JsonPath plan = plan(Map.of("treatedAt", "2026-03-07T17:00:00+01:00", "zone", "Asia/Kolkata"));

        assertThat(reminder(plan, "what-to-expect", 0)).containsEntry("dueLocal", "2026-03-07T21:30:00")
                .containsEntry("dueAt", "2026-03-07T16:00:00Z");
        assertThat(reminder(plan, "hydrate", 0)).containsEntry("dueLocal", "2026-03-08T08:00:00")
                .containsEntry("dueAt", "2026-03-08T02:30:00Z");
        assertEveryNormalReminderInsideTheWindow(plan);
    }

    @Test
    void spanishLocaleGivesSpanishText() {
        JsonPath plan = plan(Map.of("treatedAt", "2026-03-07T17:00:00+01:00", "zone", "Europe/Madrid", "locale",
                "es", "clinicName", "Clinica Sol"));

        List<String> texts = plan.getList("reminders.messages.sms");
        assertThat(texts.stream().filter(java.util.Objects::nonNull))
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text).startsWith("Hola Ana, de Clinica Sol:"));
        assertThat((String) reminder(plan, "avoid-sun", 0).get("ruleKey")).isEqualTo("leaving");
        assertThat(plan.getString("reminders.find { it.ruleKey == 'leaving' }.messages.email.body"))
                .contains("Evita el sol directo durante al menos 48 horas");
        assertThat(plan.getString("locale")).isEqualTo("es");
    }

    @Test
    void theClinicsNameAndPhoneFromItsProfileAreWhatTheTextsGiveAndItsConsentBasisCapsTheBudget() {
        JsonPath without = plan(Map.of("treatedAt", "2026-03-07T17:00:00+01:00", "zone", "Europe/Madrid"));
        JsonPath with = plan(Map.of("treatedAt", "2026-03-07T17:00:00+01:00", "zone", "Europe/Madrid",
                "clinicName", "Clinica Sol", "clinicPhone", "+34912345678"));

        List<String> texts = with.getList("reminders.messages.email.body");
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("contact Clinica Sol on +34912345678"));
        assertThat(without.getList("reminders.messages.email.body", String.class))
                .noneMatch(text -> text != null && text.contains("+34912345678"));
        // A clinic texting under a healthcare exemption: its budget is capped, whatever its override says.
        JsonPath exempt = plan(Map.of("treatedAt", "2026-03-07T17:00:00+01:00", "zone", "Europe/Madrid",
                "consentBasis", "healthcare-exemption"));
        assertThat(exempt.getInt("budget.smsPerDay")).isEqualTo(1);
        assertThat(exempt.getInt("budget.smsPerWeek")).isEqualTo(3);
        assertThat(without.getInt("budget.smsPerDay")).isEqualTo(2);
        given().queryParam("treatedAt", "2026-03-07T17:00:00Z").queryParam("zone", "UTC")
                .queryParam("firstName", "Ana").queryParam("consentBasis", "implied")
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("consentBasis"));
        given().queryParam("treatedAt", "2026-03-07T17:00:00Z").queryParam("zone", "UTC")
                .queryParam("firstName", "Ana").queryParam("clinicPhone", "912 34 56 78")
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("clinicPhone"));
    }

    @Test
    void aRequestWindowNarrowsWhenNormalAdviceMayArrive() {
        JsonPath plan = plan(Map.of("treatedAt", "2026-06-10T09:00:00+02:00", "zone", "Europe/Madrid",
                "windowStart", "10:00", "windowEnd", "18:00"));

        assertThat(plan.getString("sendWindow.start")).startsWith("10:00");
        plan.getList("reminders", Map.class).forEach(r -> {
            LocalTime time = LocalDateTime.parse((String) r.get("dueLocal")).toLocalTime();
            assertThat(time).isBetween(LocalTime.of(10, 0), LocalTime.of(18, 0));
        });
    }

    @Test
    void badQueriesAreProblemsNamingEveryField() {
        given().queryParam("treatedAt", "yesterday")
                .queryParam("zone", "Mars/Olympus")
                .queryParam("firstName", "Ana")
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("treatedAt", "zone"));
        given().queryParam("treatedAt", "2026-03-07T17:00:00Z")
                .queryParam("zone", "UTC")
                .queryParam("firstName", "A".repeat(21))
                .queryParam("locale", "english")
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("firstName", "locale"));
        given().queryParam("treatedAt", "2026-03-07T17:00:00Z")
                .queryParam("zone", "UTC")
                .queryParam("firstName", "Ana")
                .get("/v1/protocols/tattoo-removal/plan")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    static JsonPath plan(Map<String, String> query) {
        return plan("microneedling", query);
    }

    static JsonPath plan(String treatment, Map<String, String> query) {
        var request = query.containsKey("clinicId") ? asOperator() : given();
        request = request.queryParam("firstName", "Ana");
        for (var entry : query.entrySet()) {
            request = request.queryParam(entry.getKey(), entry.getValue());
        }
        return request.get("/v1/protocols/" + treatment + "/plan").then().statusCode(200).extract().jsonPath();
    }

    /** A clinic's view of a protocol needs a login; scheduling asks for plans as the operator. */
    static io.restassured.specification.RequestSpecification asOperator() {
        return given().auth().preemptive().basic("operator", "operator");
    }

    /** The moment that carries the given rule occurrence (by text or by email). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> reminder(JsonPath plan, String ruleKey, int occurrence) {
        String moment = plan.getList("placements", Map.class)
                .stream()
                .filter(p -> ruleKey.equals(p.get("ruleKey"))
                        && Integer.valueOf(occurrence).equals(p.get("occurrence")) && p.get("moment") != null)
                .map(p -> (String) p.get("moment"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no moment carries occurrence " + occurrence + " of " + ruleKey));
        return plan.getList("reminders", Map.class)
                .stream()
                .filter(r -> moment.equals(r.get("ruleKey")))
                .findFirst()
                .map(r -> (Map<String, Object>) r)
                .orElseThrow();
    }

    private static void assertEveryNormalReminderInsideTheWindow(JsonPath plan) {
        List<Map<String, Object>> reminders = plan.getList("reminders");
        assertThat(reminders).hasSizeGreaterThanOrEqualTo(5);
        reminders.stream().filter(r -> "normal".equals(r.get("priority"))).forEach(r -> {
            LocalTime time = LocalDateTime.parse((String) r.get("dueLocal")).toLocalTime();
            // The first text may go until 21:30, so that a patient who leaves in the evening hears it that evening.
            LocalTime latest = "leaving".equals(r.get("ruleKey")) ? LocalTime.of(21, 30) : LocalTime.of(20, 0);
            assertThat(time).as(r.get("ruleKey") + " at " + r.get("dueLocal"))
                    .isBetween(LocalTime.of(8, 0), latest);
        });
    }
}
