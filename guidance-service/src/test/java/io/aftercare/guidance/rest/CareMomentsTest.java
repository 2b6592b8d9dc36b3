package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.aftercare.guidance.service.SmsText;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The default protocol's plan, for treatments ending at awkward local times in zones far apart and in both languages,
 * keeps every number the care-moments issue sets. Each case is one line of the table below; the numbers are checked in
 * every case.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class CareMomentsTest {

    /** The six cases: local end of treatment, zone, language. */
    @ParameterizedTest(name = "{0} {1} ({2})")
    @CsvSource({
            "2026-06-10T17:00, Europe/Madrid, en",
            "2026-06-10T20:30, Europe/Madrid, es",
            "2026-03-07T17:00, America/New_York, en",
            "2026-06-10T07:00, Asia/Kolkata, es",
            "2026-06-10T21:00, Australia/Sydney, en",
            "2026-06-10T10:00, America/Los_Angeles, es"})
    void theDefaultPlanKeepsEveryNumber(String localEnd, String zoneName, String locale) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalDateTime endLocal = LocalDateTime.parse(localEnd);
        Instant end = endLocal.atZone(zone).toInstant();
        JsonPath plan = plan(end, zone, locale, Map.of());
        List<Map<String, Object>> texts = texts(plan);

        // At most 9 texts in all, 2 a local day, an hour apart, never two in one minute, each one GSM-7 segment.
        assertThat(texts).hasSizeBetween(5, 9);
        Map<LocalDate, Long> perDay = texts.stream()
                .collect(Collectors.groupingBy(t -> local(t).toLocalDate(), Collectors.counting()));
        assertThat(perDay.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        for (int i = 1; i < texts.size(); i++) {
            assertThat(Duration.between(instant(texts.get(i - 1)), instant(texts.get(i))))
                    .as("spacing before " + texts.get(i).get("ruleKey"))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(60));
        }
        texts.forEach(t -> assertThat(SmsText.problem(sms(t))).as(sms(t)).isEmpty());

        // The first text within 30 minutes of the end, when the treatment ends between 08:00 and 21:30.
        Map<String, Object> first = texts.get(0);
        if (!endLocal.toLocalTime().isBefore(LocalTime.of(8, 0))
                && !endLocal.toLocalTime().isAfter(LocalTime.of(21, 30))) {
            assertThat(Duration.between(end, instant(first))).isBetween(Duration.ZERO, Duration.ofMinutes(30));
            // "Tonight" advice on day 0: no makeup, no workout.
            assertThat(tipsOnDay(plan, endLocal.toLocalDate())).contains("avoid-makeup", "rest-from-exercise");
        }
        // The first text says how to stop them.
        assertThat(sms(first)).containsAnyOf("STOP");

        // No cleansing reminder within three hours of the end.
        placements(plan, "sms").stream()
                .filter(p -> "cleanse-gently".equals(p.get("ruleKey")))
                .forEach(p -> assertThat(Duration.between(end, momentAt(plan, (String) p.get("moment"))))
                        .isGreaterThanOrEqualTo(Duration.ofHours(3)));
        if (endLocal.toLocalTime().isBefore(LocalTime.of(16, 30))
                && !endLocal.toLocalTime().isBefore(LocalTime.of(8, 0))) {
            // A treatment ending by mid-afternoon gets its first cleanse that evening.
            assertThat(tipsOnDay(plan, endLocal.toLocalDate())).contains("cleanse-gently");
        }

        // A sun reminder on the first morning, before going out.
        LocalDate dayOne = endLocal.toLocalDate().plusDays(1);
        assertThat(placements(plan, "sms")).anySatisfy(p -> {
            assertThat(p.get("ruleKey")).isIn("sun-first-morning", "avoid-sun");
            LocalDateTime at = momentLocal(plan, (String) p.get("moment"));
            assertThat(at.toLocalDate()).isEqualTo(dayOne);
            assertThat(at.toLocalTime()).isBefore(LocalTime.of(10, 0));
        });

        // The safety net: a text within 96 hours says what should settle and when to call.
        assertThat(placements(plan, "sms")).anySatisfy(p -> {
            assertThat(p.get("ruleKey")).isEqualTo("settling-check");
            assertThat(Duration.between(end, momentAt(plan, (String) p.get("moment"))))
                    .isLessThanOrEqualTo(Duration.ofHours(96));
        });

        // Nothing disappears: every rule occurrence is in a text or an email, except marketing without consent.
        assertThat(plan.getList("placements", Map.class)).allSatisfy(p -> {
            if ("omitted".equals(p.get("via"))) {
                assertThat(p.get("ruleKey")).isEqualTo("book-next-session");
            }
        });
        assertThat(plan.getList("placements.ruleKey")).contains("avoid-makeup", "avoid-sun", "rest-from-exercise",
                "what-to-expect", "cleanse-gently", "moisturize", "sun-first-morning", "hydrate", "hands-off",
                "makeup-ok", "exercise-ok", "sun-protection", "check-in", "settling-check", "follow-up",
                "book-next-session");
        // The check-in asks on the second day, in clinic hours, for an answer the notification service can read.
        LocalDate dayTwo = endLocal.toLocalDate().plusDays(2);
        assertThat(placements(plan, "sms")).anySatisfy(p -> {
            assertThat(p.get("ruleKey")).isEqualTo("check-in");
            LocalDateTime at = momentLocal(plan, (String) p.get("moment"));
            assertThat(at.toLocalDate()).isEqualTo(dayTwo);
            assertThat(at.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(18, 0));
            assertThat(sms(plan.getMap("reminders.find { it.ruleKey == '" + p.get("moment") + "' }")))
                    .contains("es".equals(locale) ? "Responde de 1 (bien) a 5 (mucho peor)" : "Reply 1 (fine) to 5");
        });
        // Every text is in the patient's language.
        assertThat(texts).allSatisfy(t -> assertThat(sms(t)).startsWith("es".equals(locale) ? "Hola Ana" : "Hi Ana"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"2026-06-10T17:00, Europe/Madrid", "2026-03-07T17:00, America/New_York",
            "2026-06-10T10:00, Asia/Kolkata"})
    void aClinicOnTheHealthcareExemptionTextsAtMostOnceADayAndThreeTimesAWeek(String localEnd, String zoneName) {
        String clinic = "exempt-" + System.nanoTime();
        admin().body("""
                {"clinicName": "Clinica Norte", "phone": "+34912345678", "consentBasis": "healthcare-exemption"}
                """).put("/v1/admin/clinics/" + clinic + "/protocols/microneedling").then().statusCode(201);
        ZoneId zone = ZoneId.of(zoneName);
        Instant end = LocalDateTime.parse(localEnd).atZone(zone).toInstant();

        JsonPath plan = plan(end, zone, "en", Map.of("clinicId", clinic));
        List<Map<String, Object>> texts = texts(plan);

        Map<LocalDate, Long> perDay = texts.stream()
                .collect(Collectors.groupingBy(t -> local(t).toLocalDate(), Collectors.counting()));
        assertThat(perDay.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        LocalDate dayZero = LocalDateTime.parse(localEnd).toLocalDate();
        Map<Long, Long> perWeek = texts.stream()
                .collect(Collectors.groupingBy(t -> ChronoUnit.DAYS.between(dayZero, local(t).toLocalDate()) / 7,
                        Collectors.counting()));
        assertThat(perWeek.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(plan.getInt("budget.smsPerDay")).isEqualTo(1);
        assertThat(plan.getInt("budget.smsPerWeek")).isEqualTo(3);
        // What no longer fits a text still goes by email, and the plan says why.
        assertThat(placements(plan, "email")).anySatisfy(p -> assertThat((String) p.get("reason")).contains("budget"));
        // The check-in, the safety net that listens (a bad answer reaches the clinic), is among the three texts of
        // the first week; the day-3 safety net then goes by email, with the clinic's number.
        assertThat(placements(plan, "sms")).anySatisfy(p -> assertThat(p.get("ruleKey")).isEqualTo("check-in"));
        assertThat(placements(plan, "email")).anySatisfy(p -> assertThat(p.get("ruleKey")).isEqualTo("settling-check"));
        assertThat(plan.getList("reminders.messages.email.body", String.class))
                .anySatisfy(body -> assertThat(body).contains("+34912345678", "infection"));
    }

    @Test
    void aTipThatNeverReachesATextStaysInItsEmailAndThePlanSaysWhy() {
        JsonPath plan = plan(Instant.parse("2026-06-10T15:00:00Z"), ZoneId.of("Europe/Madrid"), "en", Map.of());

        // At 17:00 the sun tip ranks last (it is for the next morning); by the next text it is no longer valid.
        Map<String, Object> sun = placements(plan, "email").stream()
                .filter(p -> "avoid-sun".equals(p.get("ruleKey")))
                .findFirst()
                .orElseThrow();
        assertThat(sun.get("moment")).isEqualTo("leaving");
        assertThat((String) sun.get("reason")).startsWith("carried towards a later text, but");
        assertThat(plan.getString("reminders.find { it.ruleKey == 'leaving' }.messages.email.body"))
                .contains("Avoid direct sun for at least 48 hours");
        // The moment lists the same placement.
        assertThat(plan.getString("reminders.find { it.ruleKey == 'leaving' }.rules.find { it.ruleKey == 'avoid-sun' }"
                + ".reason")).isEqualTo(sun.get("reason"));
    }

    @Test
    void namesOutsideGsm7AreTransliteratedSoTextsStayOneSegment() {
        String clinic = "named-" + System.nanoTime();
        admin().body("""
                {"clinicName": "Clínica Zoë Núñez"}
                """).put("/v1/admin/clinics/" + clinic + "/protocols/microneedling").then().statusCode(201);

        JsonPath plan = PlanEndpointTest.asOperator().queryParam("treatedAt", "2026-06-10T17:00:00+02:00")
                .queryParam("zone", "Europe/Madrid")
                .queryParam("locale", "es")
                .queryParam("firstName", "María")
                .queryParam("clinicId", clinic)
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> texts = texts(plan);
        assertThat(sms(texts.get(0))).startsWith("Hola Maria, de Clinica Zoe Núñez:".replace("ú", "u"));
        texts.forEach(t -> assertThat(SmsText.gsm7Length(sms(t))).isPresent());
        // The email keeps the names as written.
        assertThat(plan.getString("reminders[0].messages.email.body")).contains("María", "Clínica Zoë Núñez");
    }

    @Test
    void anUnnamedClinicIsYourClinicInEachLanguage() {
        JsonPath en = plan(Instant.parse("2026-06-10T15:00:00Z"), ZoneId.of("Europe/Madrid"), "en", Map.of());
        JsonPath es = plan(Instant.parse("2026-06-10T15:00:00Z"), ZoneId.of("Europe/Madrid"), "es", Map.of());

        assertThat(sms(texts(en).get(0))).contains("from your clinic:");
        assertThat(sms(texts(es).get(0))).contains("de tu clinica:");
    }

    @Test
    void theNextSessionMessageNeedsTheClinicsRecommendationAndThePatientsMarketingConsent() {
        String recommends = "recommends-" + System.nanoTime();
        admin().body("""
                {"recommendsNextSession": true}
                """).put("/v1/admin/clinics/" + recommends + "/protocols/microneedling").then().statusCode(201);
        Instant end = Instant.parse("2026-06-10T15:00:00Z");
        ZoneId madrid = ZoneId.of("Europe/Madrid");

        assertThat(via(plan(end, madrid, "en", Map.of("clinicId", recommends, "marketingConsent", "true")),
                "book-next-session")).isEqualTo("sms");
        assertThat(via(plan(end, madrid, "en", Map.of("clinicId", recommends)), "book-next-session"))
                .isEqualTo("omitted");
        assertThat(via(plan(end, madrid, "en", Map.of("marketingConsent", "true")), "book-next-session"))
                .isEqualTo("omitted");
    }

    private static String via(JsonPath plan, String ruleKey) {
        return plan.getString("placements.find { it.ruleKey == '" + ruleKey + "' }.via");
    }

    static JsonPath plan(Instant end, ZoneId zone, String locale, Map<String, String> extra) {
        var request = (extra.containsKey("clinicId") ? PlanEndpointTest.asOperator() : given())
                .queryParam("treatedAt", OffsetDateTime.ofInstant(end, zone).toString())
                .queryParam("zone", zone.getId())
                .queryParam("locale", locale)
                .queryParam("firstName", "Ana");
        for (var entry : extra.entrySet()) {
            request = request.queryParam(entry.getKey(), entry.getValue());
        }
        return request.get("/v1/protocols/microneedling/plan").then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> texts(JsonPath plan) {
        List<Map<String, Object>> moments = plan.getList("reminders");
        return moments.stream().filter(m -> ((List<?>) m.get("channels")).contains("sms")).toList();
    }

    private static List<Map<String, Object>> placements(JsonPath plan, String via) {
        List<Map<String, Object>> placements = plan.getList("placements");
        return placements.stream().filter(p -> via.equals(p.get("via"))).toList();
    }

    /** The rule keys whose tips are in a text on that local day. */
    private static List<String> tipsOnDay(JsonPath plan, LocalDate day) {
        return placements(plan, "sms").stream()
                .filter(p -> momentLocal(plan, (String) p.get("moment")).toLocalDate().equals(day))
                .map(p -> (String) p.get("ruleKey"))
                .toList();
    }

    private static Instant momentAt(JsonPath plan, String moment) {
        return Instant.parse(plan.getString("reminders.find { it.ruleKey == '" + moment + "' }.dueAt"));
    }

    private static LocalDateTime momentLocal(JsonPath plan, String moment) {
        return LocalDateTime.parse(plan.getString("reminders.find { it.ruleKey == '" + moment + "' }.dueLocal"));
    }

    private static Instant instant(Map<String, Object> moment) {
        return Instant.parse((String) moment.get("dueAt"));
    }

    private static LocalDateTime local(Map<String, Object> moment) {
        return LocalDateTime.parse((String) moment.get("dueLocal"));
    }

    @SuppressWarnings("unchecked")
    private static String sms(Map<String, Object> moment) {
        return (String) ((Map<String, Object>) moment.get("messages")).get("sms");
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON);
    }
}
