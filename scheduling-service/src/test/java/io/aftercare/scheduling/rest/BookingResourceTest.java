package io.aftercare.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.repository.Jdbc;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class BookingResourceTest {

    private static final OffsetDateTime NEXT_WEEK = OffsetDateTime.now(ZoneOffset.ofHours(1))
            .plusDays(7)
            .truncatedTo(ChronoUnit.MINUTES);

    @Inject
    Jdbc jdbc;

    @ConfigProperty(name = "quarkus.rest-client.guidance.url")
    String guidanceUrl;

    @Test
    void aRepeatedPutAnswersTheSameAndKeepsOneBooking() {
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("repeat");
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked");

        Response first = put("clinic-a", path, body);
        Response second = put("clinic-a", path, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body().asString()).isEqualTo(first.body().asString());
        assertThat(first.jsonPath().getString("planState")).isEqualTo("planned");
        assertThat(first.jsonPath().getInt("protocolVersion")).isGreaterThanOrEqualTo(1);
        assertThat(first.jsonPath().getList("reminders.ruleKey")).contains("leaving").hasSizeBetween(5, 9);
        Clinics.as("clinic-a").get(path).then().statusCode(200).body("id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void theBookingsPlanIsThePlanGuidancePreviews() {
        String zone = "America/New_York";
        OffsetDateTime end = NEXT_WEEK.plusMinutes(45);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("preview");
        JsonPath booking = put("clinic-a", path, BookingFixtures.booking(NEXT_WEEK, end, "booked", zone, null))
                .jsonPath();
        JsonPath preview = preview(end, zone, "clinic-a", false);

        assertThat(booking.getList("reminders.ruleKey")).containsExactlyInAnyOrderElementsOf(
                preview.getList("reminders.ruleKey"));
        for (String moment : preview.<String>getList("reminders.ruleKey")) {
            String find = "reminders.find { it.ruleKey == '" + moment + "' }";
            assertThat(Instant.parse(booking.getString(find + ".dueAt")))
                    .isEqualTo(Instant.parse(preview.getString(find + ".dueAt")));
            assertThat(booking.getList(find + ".channels")).isEqualTo(preview.getList(find + ".channels"));
        }
    }

    @Test
    void theNextSessionMessageFollowsThePatientsMarketingConsent() {
        String clinic = "clinic-m-" + UUID.randomUUID().toString().substring(0, 6);
        given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"recommendsNextSession\": true}")
                .put("/v1/admin/clinics/" + clinic + "/protocols/microneedling").then().statusCode(201);
        String consenting = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked")
                .replace("\"consent\": {\"sms\": true, \"email\": true}",
                        "\"consent\": {\"sms\": true, \"email\": true, \"marketing\": true}");
        String silent = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked");

        List<String> withConsent = put(clinic, "/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("mk"),
                consenting).jsonPath().getList("reminders.ruleKey");
        List<String> without = put(clinic, "/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("mk"),
                silent).jsonPath().getList("reminders.ruleKey");

        assertThat(withConsent).anyMatch(key -> key.startsWith("day28-"));
        assertThat(without).noneMatch(key -> key.startsWith("day28-"));
    }

    private JsonPath preview(OffsetDateTime end, String zone, String clinicId, boolean marketing) {
        // A clinic's preview needs a login at guidance; the operator's is what scheduling itself uses.
        return given().baseUri(guidanceUrl)
                .auth()
                .preemptive()
                .basic("operator", io.aftercare.localstack.testing.GuidanceTestResource.OPERATOR_PASSWORD)
                .queryParam("treatedAt", end.toString())
                .queryParam("zone", zone)
                .queryParam("locale", "es")
                .queryParam("firstName", "Ana")
                .queryParam("clinicId", clinicId)
                .queryParam("marketingConsent", marketing)
                .get("/v1/protocols/microneedling/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "a number as status           | \"status\": \"booked\"                 | \"status\": 1                              | status",
            "an unknown status            | \"status\": \"booked\"                 | \"status\": \"postponed\"                  | status",
            "a number as first name       | \"firstName\": \"Ana\"                 | \"firstName\": 42                          | patient.firstName",
            "a NUL in the first name      | \"firstName\": \"Ana\"                 | \"firstName\": \"A\\u0000na\"                | patient.firstName",
            "a bell in the phone          | \"phone\": \"+34612345678\"            | \"phone\": \"+3461234\\u00075678\"           | patient.phone",
            "an epoch number as startsAt  | \"startsAt\": \"STARTS\"                | \"startsAt\": 1795000000                   | treatment.startsAt",
            "a string as consent          | \"sms\": true                          | \"sms\": \"true\"                            | patient.consent.sms",
            "a number as consent          | \"email\": true                        | \"email\": 1                               | patient.consent.email",
            "a string as sourceVersion    | \"status\": \"booked\"                 | \"status\": \"booked\", \"sourceVersion\": \"7\" | sourceVersion"})
    void noCoercionAndNoControlCharacters(String what, String replace, String with, String field) {
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("strict");
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked")
                .replace("\"startsAt\": \"" + NEXT_WEEK + "\"", "\"startsAt\": \"STARTS\"");
        String bad = body.replace(replace.strip(), with.strip()).replace("\"STARTS\"", "\"" + NEXT_WEEK + "\"");
        assertThat(bad).as(what).isNotEqualTo(body.replace("\"STARTS\"", "\"" + NEXT_WEEK + "\""));

        put("clinic-a", path, bad).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems(field.strip()));
        Clinics.as("clinic-a").get(path).then().statusCode(404);
    }

    @Test
    void twoIdenticalPutsRacingMakeOneBooking() {
        String externalId = BookingFixtures.uniqueId("race");
        String path = "/v1/clinics/clinic-a/bookings/" + externalId;
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked");
        Clinics.as("clinic-a");
        CyclicBarrier start = new CyclicBarrier(2);

        List<CompletableFuture<Response>> racing = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return put("clinic-a", path, body);
        })).toList();

        List<Response> answers = racing.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.get(0).body().asString()).isEqualTo(answers.get(1).body().asString());
        assertThat(count("SELECT count(*) FROM booking WHERE external_id = '" + externalId + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reminder r JOIN booking b ON b.id = r.booking_id WHERE b.external_id = '"
                + externalId + "'"))
                .isEqualTo(answers.get(0).jsonPath().getList("reminders").size());
    }

    @Test
    void anOlderSourceVersionIsAConflictAndChangesNothing() {
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("versions");
        String zone = MiddayZone.now();
        put("clinic-a", path, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked", zone, 5L))
                .then()
                .statusCode(201);
        String before = Clinics.as("clinic-a").get(path).asString();

        put("clinic-a", path,
                BookingFixtures.booking(NEXT_WEEK.plusDays(1), NEXT_WEEK.plusDays(1).plusMinutes(45), "booked", zone,
                        4L))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sourceVersion"));

        assertThat(Clinics.as("clinic-a").get(path).asString()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreAllReportedAndNothingIsStored() {
        long before = count("SELECT count(*) FROM booking");
        String body = """
                {
                  "patient": {"firstName": "", "phone": "+34000", "locale": "spanish", "timeZone": "Mars/Olympus",
                              "preferredChannel": "email", "consent": {"sms": true, "email": false}},
                  "treatment": {"type": "microneedling", "startsAt": "2026-03-07T17:00:00-05:00",
                                "endsAt": "2026-03-07T16:00:00-05:00"},
                  "status": "booked"
                }
                """;

        put("clinic-a", "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("bad"), body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("patient.firstName", "patient.phone", "patient.locale",
                        "patient.timeZone", "patient.preferredChannelReachable", "treatment.endsAtAfterStart"));

        assertThat(count("SELECT count(*) FROM booking")).isEqualTo(before);
    }

    @Test
    void malformedUnknownAbsurdAndOversizedBookingsAreRefusedAndNothingIsStored() {
        long before = count("SELECT count(*) FROM booking");
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("refused");

        put("clinic-a", path, "{\"patient\": ")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        put("clinic-a", path, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "maybe"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        put("clinic-a", path,
                BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked").replace("microneedling",
                        "tattoo-removal"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("treatment.type"));
        OffsetDateTime farFuture = OffsetDateTime.parse("2999-01-01T10:00:00Z");
        put("clinic-a", path, BookingFixtures.booking(farFuture, farFuture.plusMinutes(45), "booked"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("treatment.startsAt"));
        put("clinic-a", path, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked")
                .replace("\"Ana\"", "\"" + "A".repeat(70_000) + "\""))
                .then()
                .statusCode(413);

        assertThat(count("SELECT count(*) FROM booking")).isEqualTo(before);
    }

    @Test
    void aRescheduleMovesPendingRemindersKeepsDispatchedOnesAndDoublesNone() throws Exception {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String zone = MiddayZone.now();
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("moved");
        put("clinic-a", path, BookingFixtures.booking(end.minusMinutes(45), end, "booked", zone, null)).then()
                .statusCode(201);
        String sent = BookingFixtures.awaitState(path, "leaving", "dispatched");

        Response moved = put("clinic-a", path,
                BookingFixtures.booking(end.plusDays(3).minusMinutes(45), end.plusDays(3), "booked", zone, null));

        moved.then().statusCode(200);
        List<java.util.Map<String, Object>> reminders = moved.jsonPath().getList("reminders");
        assertThat(reminders).filteredOn(r -> r.get("id").equals(sent)).singleElement()
                .satisfies(r -> assertThat(r.get("state")).isEqualTo("dispatched"));
        assertThat(reminders).filteredOn(r -> "planned".equals(r.get("state")))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(OffsetDateTime.parse((String) r.get("dueAt")))
                        .isAfterOrEqualTo(end.plusDays(3)));
        assertThat(reminders).filteredOn(r -> "leaving".equals(r.get("ruleKey"))).hasSize(1);
        List<String> live = reminders.stream()
                .filter(r -> "planned".equals(r.get("state")) || "dispatched".equals(r.get("state")))
                .map(r -> r.get("ruleKey") + "#" + r.get("occurrence"))
                .toList();
        assertThat(live).doesNotHaveDuplicates();
    }

    @Test
    void cancellingRevokesEveryPendingReminderAndCompletionReAnchorsThePlan() {
        String zone = MiddayZone.now();
        String cancelled = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("cancel");
        put("clinic-a", cancelled, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked")).then()
                .statusCode(201);
        put("clinic-a", cancelled, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "cancelled"))
                .then()
                .statusCode(200)
                .body("planState", equalTo("none"));
        assertThat(Clinics.as("clinic-a").get(cancelled).jsonPath().getList("reminders.state", String.class))
                .isNotEmpty()
                .containsOnly("revoked");

        String completed = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("complete");
        put("clinic-a", completed, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked", zone, null))
                .then()
                .statusCode(201);
        OffsetDateTime actualEnd = NEXT_WEEK.plusMinutes(90);
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "completed", zone, null)
                .replace("\"endsAt\": \"" + NEXT_WEEK.plusMinutes(45) + "\"",
                        "\"endsAt\": \"" + NEXT_WEEK.plusMinutes(45) + "\", \"actualEndsAt\": \"" + actualEnd + "\"");
        Response reAnchored = put("clinic-a", completed, body);
        reAnchored.then().statusCode(200).body("treatmentEnd", equalTo(actualEnd.toInstant().toString()));
        // The moment 48 hours on (sun protection, makeup and exercise again) follows the actual end.
        assertThat(reAnchored.jsonPath().getString("reminders.find { it.dueAt == '"
                + actualEnd.plusHours(48).toInstant() + "' && it.state == 'planned' }.ruleKey")).startsWith("day2-");
    }

    @Test
    void aClinicSeesNothingOfAnotherClinicsBookings() {
        String path = "/v1/clinics/clinic-b/bookings/" + BookingFixtures.uniqueId("private");
        put("clinic-b", path, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked")).then()
                .statusCode(201);

        Clinics.as("clinic-a").get(path).then().statusCode(403).contentType("application/problem+json");
        put("clinic-a", path, BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "cancelled")).then()
                .statusCode(403);
        Clinics.as("clinic-a").get("/v1/clinics/clinic-b/reminders").then().statusCode(403);
        List<String> refs = Clinics.as("clinic-a")
                .get("/v1/clinics/clinic-a/reminders?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.bookingRef");
        assertThat(refs).doesNotContain(path.substring(path.lastIndexOf('/') + 1));
        Clinics.as("clinic-b").get(path).then().statusCode(200).body("planState", equalTo("planned"));
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("clinic-b", "ak_0000_forged").get(path).then().statusCode(401);
    }

    @Test
    void aRevokedKeyNoLongerWorksWhileANewOneDoes() {
        String clinic = BookingFixtures.uniqueId("rotating");
        String oldKey = Clinics.issueKey(clinic);
        String newKey = Clinics.issueKey(clinic);
        String path = "/v1/clinics/" + clinic + "/bookings/x-1";
        String oldKeyId = oldKey.split("_")[1];
        // Used once first, so that the service remembers it as a good key: the revocation must still hold at once.
        given().auth().preemptive().basic(clinic, oldKey).get(path).then().statusCode(404);

        Clinics.operator().delete("/v1/admin/clinics/" + clinic + "/credentials/" + oldKeyId).then().statusCode(204);

        given().auth().preemptive().basic(clinic, oldKey).get(path).then().statusCode(401);
        given().auth().preemptive().basic(clinic, newKey).get(path).then().statusCode(404);
        Clinics.operator().get("/v1/admin/clinics/" + clinic + "/credentials").then().statusCode(200)
                .body("find { it.keyId == '" + oldKeyId + "' }.revokedAt", org.hamcrest.Matchers.notNullValue());
    }

    /** CredentialService refuses with rest-problems' NotFoundProblem: the same 404 problem JAX-RS's exception gave. */
    @Test
    void revokingAKeyTheClinicDoesNotHaveIsA404Problem() {
        String clinic = BookingFixtures.uniqueId("no-such-key");
        String otherKeyId = Clinics.issueKey(BookingFixtures.uniqueId("other")).split("_")[1];

        Clinics.operator().delete("/v1/admin/clinics/" + clinic + "/credentials/" + otherKeyId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("clinic " + clinic + " has no key " + otherKeyId));
    }

    @Test
    void remindersAreListedPageByPageWithACursor() {
        String clinic = BookingFixtures.uniqueId("paged");
        for (int i = 0; i < 3; i++) {
            put(clinic, "/v1/clinics/" + clinic + "/bookings/b-" + i,
                    BookingFixtures.booking(NEXT_WEEK.plusHours(i), NEXT_WEEK.plusHours(i).plusMinutes(45), "booked"))
                    .then()
                    .statusCode(201);
        }
        int total = Clinics.as(clinic).get("/v1/clinics/" + clinic + "/reminders?limit=500").jsonPath()
                .getList("items").size();

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = Clinics.as(clinic)
                    .queryParam("limit", 7)
                    .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                    .get("/v1/clinics/" + clinic + "/reminders")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(total).isGreaterThan(20);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/reminders?state=planned&from=" + NEXT_WEEK.plusDays(1)
                .toInstant()).then().statusCode(200);
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/reminders?cursor=garbage").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/reminders?state=sleeping").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    private static Response put(String clinic, String path, String body) {
        return Clinics.as(clinic).contentType(ContentType.JSON).body(body).put(path).andReturn();
    }

    private long count(String query) {
        return jdbc.sql(query).number();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
