package io.aftercare.scheduling.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The patient search and the timeline of one booking, on the real database, through the real sign-in. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class BookingSearchResourceTest {

    private static final OffsetDateTime NEXT_WEEK = OffsetDateTime.now(ZoneOffset.ofHours(1))
            .plusDays(7)
            .truncatedTo(ChronoUnit.MINUTES);

    private final String clinic = "clinic-q-" + UUID.randomUUID().toString().substring(0, 6);
    private final String other = "clinic-r-" + UUID.randomUUID().toString().substring(0, 6);
    /** A name and a Spanish mobile number no other test uses. */
    private final String name = "Zq" + letters(6);
    private final String phone = "+3461" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));

    @Test
    void findsABookingByIdByNumberInAnyFormAndByTheStartOfTheNameInAnyCase() {
        Clinics.operator().contentType(ContentType.JSON)
                .body("{\"name\": \"Sol\", \"timeZone\": \"Europe/Madrid\", \"locale\": \"es\", \"phone\": \"+34912345678\"}")
                .put("/v1/admin/clinics/" + clinic).then().statusCode(201);
        String id = book(clinic, name, phone, 0);
        book(clinic, "Bea", "+34699000111", 1);

        assertThat(externalIds(search(clinic, id))).containsExactly(id);
        assertThat(externalIds(search(clinic, phone))).containsExactly(id);
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 6) + " " + phone.substring(6, 9) + " "
                + phone.substring(9);
        assertThat(externalIds(search(clinic, spaced))).containsExactly(id);
        assertThat(externalIds(search(clinic, "00" + phone.substring(1)))).containsExactly(id);
        // Without a country code, in the clinic's own country (its profile's number is Spanish).
        assertThat(externalIds(search(clinic, phone.substring(3)))).containsExactly(id);
        assertThat(externalIds(search(clinic, name.substring(0, 4).toUpperCase()))).containsExactly(id);
        assertThat(externalIds(search(clinic, name.toLowerCase()))).containsExactly(id);
        // Not a substring search, and a number is matched whole.
        assertThat(externalIds(search(clinic, name.substring(1)))).isEmpty();
        assertThat(externalIds(search(clinic, phone.substring(3, 9)))).isEmpty();
        // Part of an international number is no number, no name and no id.
        Clinics.as(clinic).queryParam("q", phone.substring(0, 10)).get("/v1/clinics/" + clinic + "/bookings")
                .then().statusCode(400);
        // LIKE's wildcard is no letter of a name, nor part of a number or an id: refused, never a pattern.
        Clinics.as(clinic).queryParam("q", "Zq%").get("/v1/clinics/" + clinic + "/bookings").then().statusCode(400);

        JsonPath found = search(clinic, id);
        assertThat(found.getString("items[0].firstName")).isEqualTo(name);
        assertThat(found.getString("items[0].phone")).isEqualTo(phone.substring(0, 3) + "*******"
                + phone.substring(10));
        assertThat(found.getString("items[0].id")).isNotBlank();
    }

    @Test
    void anotherClinicsBookingsAreNeverFound() {
        String mine = book(clinic, name, phone, 0);
        String theirs = book(other, name, phone, 1);

        assertThat(externalIds(search(clinic, name))).containsExactly(mine);
        assertThat(externalIds(search(clinic, phone))).containsExactly(mine);
        assertThat(externalIds(search(clinic, theirs))).isEmpty();
        assertThat(externalIds(search(other, name))).containsExactly(theirs);
        // Its path is refused to this clinic's key; its booking id in this clinic's path is not found.
        Clinics.as(clinic).queryParam("q", name).get("/v1/clinics/" + other + "/bookings").then().statusCode(403);
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + theirs + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void pagesFollowTheCursorNewestTreatmentFirstWithoutRepeats() {
        String first = book(clinic, name, phone, 0);
        String second = book(clinic, name + "a", phone, 1);
        String third = book(clinic, name + "b", phone, 2);

        JsonPath page1 = Clinics.as(clinic).queryParam("q", name).queryParam("limit", 2)
                .get("/v1/clinics/" + clinic + "/bookings").then().statusCode(200).extract().jsonPath();
        assertThat(externalIds(page1)).containsExactly(third, second);
        String cursor = page1.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        JsonPath page2 = Clinics.as(clinic).queryParam("q", name).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/v1/clinics/" + clinic + "/bookings").then().statusCode(200).extract().jsonPath();
        assertThat(externalIds(page2)).containsExactly(first);
        assertThat(page2.getString("nextCursor")).isNull();
    }

    @Test
    void badQueriesLimitsAndCursorsAreRefusedFieldByField() {
        String path = "/v1/clinics/" + clinic + "/bookings";
        refused(Clinics.as(clinic).get(path), "q");
        refused(Clinics.as(clinic).queryParam("q", "  ").get(path), "q");
        refused(Clinics.as(clinic).queryParam("q", "ana@example.com").get(path), "q");
        refused(Clinics.as(clinic).queryParam("q", "a".repeat(129)).get(path), "q");
        refused(Clinics.as(clinic).queryParam("q", "Ana\u0007").get(path), "q");
        refused(Clinics.as(clinic).queryParam("q", "Ana").queryParam("limit", 0).get(path), "limit");
        refused(Clinics.as(clinic).queryParam("q", "Ana").queryParam("limit", 101).get(path), "limit");
        refused(Clinics.as(clinic).queryParam("q", "Ana").queryParam("limit", "ten").get(path), "limit");
        refused(Clinics.as(clinic).queryParam("q", "Ana").queryParam("cursor", "not-a-cursor").get(path), "cursor");
    }

    @Test
    void theTimelineHasEveryMomentWithItsTextsOnThePatientsClockAndRevokedOnesAfterAReplan() {
        String id = book(clinic, name, phone, 0);
        String path = "/v1/clinics/" + clinic + "/bookings/" + id;
        Clinics.as(clinic).body(BookingFixtures.booking(NEXT_WEEK.plusDays(1), NEXT_WEEK.plusDays(1).plusMinutes(45),
                "booked", "Europe/Madrid", null).replace("\"Ana\"", "\"" + name + "\"")).put(path).then()
                .statusCode(200);

        JsonPath timeline = Clinics.as(clinic).get(path + "/timeline").then().statusCode(200)
                .body("externalId", equalTo(id))
                .body("patient.firstName", equalTo(name))
                .body("patient.phone", startsWith("+34*"))
                .body("patient.email", equalTo("a**@example.com"))
                .extract().jsonPath();
        List<String> states = timeline.getList("moments.state");
        assertThat(states).contains("planned", "revoked");
        String leaving = "moments.find { it.ruleKey == 'leaving' && it.state == 'planned' }";
        assertThat(timeline.getString(leaving + ".sms")).isNotBlank();
        assertThat(timeline.getString(leaving + ".emailSubject")).isNotBlank();
        assertThat(timeline.getString(leaving + ".dueLocal")).isNotBlank();
        assertThat(timeline.getList("moments.plannedAt").stream().distinct().count()).isGreaterThan(1);
    }

    private String book(String clinicId, String firstName, String number, int daysLater) {
        String id = BookingFixtures.uniqueId("s");
        OffsetDateTime start = NEXT_WEEK.plusDays(daysLater);
        String body = BookingFixtures.booking(start, start.plusMinutes(45), "booked", "Europe/Madrid", null)
                .replace("\"Ana\"", "\"" + firstName + "\"")
                .replace("+34612345678", number);
        Clinics.as(clinicId).body(body).put("/v1/clinics/" + clinicId + "/bookings/" + id).then().statusCode(201);
        return id;
    }

    private static JsonPath search(String clinicId, String q) {
        return Clinics.as(clinicId).queryParam("q", q).get("/v1/clinics/" + clinicId + "/bookings")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> externalIds(JsonPath page) {
        return page.getList("items.externalId");
    }

    private static void refused(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return out.toString();
    }
}
