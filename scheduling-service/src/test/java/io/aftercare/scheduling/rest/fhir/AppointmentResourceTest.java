package io.aftercare.scheduling.rest.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class AppointmentResourceTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.rest-client.guidance.url")
    String guidanceUrl;

    private static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5)
            .truncatedTo(ChronoUnit.HOURS);

    /** The shape of the specification's Appointment example, with the patient contained so it carries telecom. */
    static String appointment(String id, String status) {
        return """
                {
                  "resourceType": "Appointment",
                  "id": "%s",
                  "meta": {"versionId": "3"},
                  "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Microneedling</div>"},
                  "contained": [{
                    "resourceType": "Patient",
                    "id": "p1",
                    "name": [{"family": "Chalmers", "given": ["Peter", "James"]}],
                    "telecom": [
                      {"system": "phone", "value": "+447911123456", "use": "mobile", "rank": 1},
                      {"system": "email", "value": "peter@example.com", "rank": 2}
                    ],
                    "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en-GB"}]}}]
                  }],
                  "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/timezone", "valueCode": "Europe/London"}],
                  "status": "%s",
                  "serviceCategory": [{"coding": [{"system": "http://example.org/service-category", "code": "aesthetics", "display": "Aesthetics"}]}],
                  "serviceType": [{"coding": [{"code": "microneedling", "display": "Microneedling"}]}],
                  "appointmentType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0276", "code": "ROUTINE"}]},
                  "priority": 5,
                  "description": "Microneedling session",
                  "start": "%s",
                  "end": "%s",
                  "created": "2026-11-01",
                  "comment": "Further aftercare by text",
                  "participant": [
                    {"actor": {"reference": "#p1", "display": "Peter James Chalmers"}, "required": "required", "status": "accepted"},
                    {"type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "ATND"}]}],
                     "actor": {"reference": "Practitioner/example", "display": "Dr Adam Careful"}, "required": "required", "status": "accepted"},
                    {"actor": {"reference": "Location/1", "display": "South Wing, second floor"}, "required": "required", "status": "accepted"}
                  ]
                }
                """
                .formatted(id, status, START, START.plusMinutes(45));
    }

    /**
     * As clinic systems really send it: contained Patient, Swedish mobile, Spanish, start and end with offsets, and no
     * time-zone extension. Planned in the clinic's zone from its profile; refused without one.
     */
    @Test
    void anAppointmentWithoutATimeZoneIsPlannedInTheClinicsZone() {
        String clinic = "clinic-fz-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String id = BookingFixtures.uniqueId("fhir-zone");
        OffsetDateTime start = START.withOffsetSameInstant(ZoneOffset.ofHours(1));
        String body = appointment(id, "booked")
                .replace("  \"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/timezone\", "
                        + "\"valueCode\": \"Europe/London\"}],\n", "")
                .replace("+447911123456", "+46701234567")
                .replace("\"code\": \"en-GB\"", "\"code\": \"es\"")
                .replace(START.toString(), start.toString())
                .replace(START.plusMinutes(45).toString(), start.plusMinutes(45).toString());
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("timezone").contains("+01:00");

        Clinics.as(clinic).contentType("application/fhir+json").body(body).post("/fhir/r4/Appointment")
                .then()
                .statusCode(400)
                .body("issue.expression.flatten()", hasItem("Appointment.extension"));

        Clinics.operator().contentType("application/json")
                .body("{\"name\": \"Klinik Syd\", \"timeZone\": \"Europe/Stockholm\", \"locale\": \"sv\", "
                        + "\"phone\": \"+46812345678\"}")
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);
        Clinics.as(clinic).contentType("application/fhir+json").body(body).post("/fhir/r4/Appointment")
                .then()
                .statusCode(201);

        io.restassured.path.json.JsonPath booking = Clinics.as(clinic)
                .get("/v1/clinics/" + clinic + "/bookings/" + id)
                .jsonPath();
        org.assertj.core.api.Assertions.assertThat(booking.getString("timeZone")).isEqualTo("Europe/Stockholm");
        // The sun text goes on the first morning at 08:00: Stockholm's morning, not London's.
        java.time.ZoneId stockholm = java.time.ZoneId.of("Europe/Stockholm");
        org.assertj.core.api.Assertions.assertThat(booking.getList("reminders.dueAt", String.class))
                .anyMatch(due -> java.time.Instant.parse(due).atZone(stockholm).toLocalTime()
                        .equals(java.time.LocalTime.of(8, 0)));
    }

    @Test
    void marketingConsentComesFromThePatientsExtension() {
        String clinic = "clinic-fm-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        io.restassured.RestAssured.given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin")
                .contentType("application/json")
                .body("{\"recommendsNextSession\": true}")
                .put("/v1/admin/clinics/" + clinic + "/protocols/microneedling")
                .then()
                .statusCode(201);
        String consenting = BookingFixtures.uniqueId("fhir-mk");
        String silent = BookingFixtures.uniqueId("fhir-no");
        String extension = "\"id\": \"p1\",\n                    \"extension\": [{\"url\": "
                + "\"https://aftercare.io/fhir/StructureDefinition/marketing-consent\", \"valueBoolean\": true}],";

        for (String id : java.util.List.of(consenting, silent)) {
            String body = appointment(id, "booked");
            Clinics.as(clinic).contentType("application/fhir+json")
                    .body(id.equals(consenting) ? body.replace("\"id\": \"p1\",", extension) : body)
                    .post("/fhir/r4/Appointment").then().statusCode(201);
        }

        java.util.List<String> withConsent = Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + consenting)
                .jsonPath().getList("reminders.ruleKey");
        java.util.List<String> without = Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + silent)
                .jsonPath().getList("reminders.ruleKey");
        org.assertj.core.api.Assertions.assertThat(withConsent).anyMatch(key -> key.startsWith("day28-"));
        org.assertj.core.api.Assertions.assertThat(without).noneMatch(key -> key.startsWith("day28-"));
    }

    @Test
    void anAppointmentInTheSpecificationsShapeBecomesABooking() {
        String id = BookingFixtures.uniqueId("fhir");

        Clinics.as("clinic-f")
                .contentType("application/fhir+json")
                .body(appointment(id, "booked"))
                .post("/fhir/r4/Appointment")
                .then()
                .statusCode(201)
                .header("Location", "/fhir/r4/Appointment/" + id)
                .body("resourceType", equalTo("Appointment"));

        Clinics.as("clinic-f")
                .get("/v1/clinics/clinic-f/bookings/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("booked"))
                .body("timeZone", equalTo("Europe/London"))
                .body("sourceVersion", equalTo(3))
                .body("planState", equalTo("planned"))
                .body("reminders.ruleKey", hasItem("leaving"));

        Clinics.as("clinic-f")
                .contentType("application/fhir+json")
                .body(appointment(id, "cancelled").replace("\"versionId\": \"3\"", "\"versionId\": \"4\""))
                .put("/fhir/r4/Appointment/" + id)
                .then()
                .statusCode(200);
        Clinics.as("clinic-f").get("/v1/clinics/clinic-f/bookings/" + id).then().body("status",
                equalTo("cancelled"));
    }

    @Test
    void anInvalidAppointmentGetsAnOperationOutcome() {
        String invalid = appointment(BookingFixtures.uniqueId("fhir-bad"), "waitlist")
                .replace("\"+447911123456\"", "\"12\"")
                .replace("\"start\": \"" + START + "\"", "\"start\": \"yesterday\"")
                .replace("Europe/London", "Atlantis/Capital");

        Clinics.as("clinic-f")
                .contentType("application/fhir+json")
                .body(invalid)
                .post("/fhir/r4/Appointment")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.severity", hasItem("error"))
                .body("issue.expression.flatten()", hasItems("Appointment.status", "Appointment.start"));

        Clinics.as("clinic-f")
                .contentType("application/fhir+json")
                .body(appointment(BookingFixtures.uniqueId("fhir-bad"), "booked").replace("\"+447911123456\"",
                        "\"12\""))
                .post("/fhir/r4/Appointment")
                .then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem("Appointment.contained.Patient.telecom"));

        Clinics.as("clinic-f")
                .contentType("application/fhir+json")
                .body("{not json")
                .post("/fhir/r4/Appointment")
                .then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
        given().contentType("application/fhir+json").body(appointment("x", "booked")).post("/fhir/r4/Appointment")
                .then()
                .statusCode(401);
    }

    /** No coercion on FHIR either: each refused field by field, with nothing stored. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "a number as status|\"status\": \"booked\"|\"status\": 1|Appointment.status",
            "an epoch number as start|\"start\": \"START\"|\"start\": 1767225600|Appointment.start",
            "a number as first name|[\"Peter\", \"James\"]|[42, \"James\"]|Appointment.contained.Patient.name[0].given[0]",
            "a NUL in the first name|[\"Peter\", \"James\"]|[\"Pe\\u0000ter\", \"James\"]|Appointment.contained.Patient.name[0].given[0]",
            "a string as telecom rank|\"rank\": 1|\"rank\": \"first\"|Appointment.contained.Patient.telecom[0].rank",
            "a number as versionId|\"versionId\": \"3\"|\"versionId\": 3|Appointment.meta.versionId"})
    void wrongTypesAndControlCharactersAreRefusedFieldByFieldAndNothingIsStored(String what, String from, String to,
            String expression) {
        String id = BookingFixtures.uniqueId("fhir-strict");
        String body = appointment(id, "booked").replace(from.replace("START", START.toString()), to);
        org.assertj.core.api.Assertions.assertThat(body).as(what).contains(to);

        Clinics.as("clinic-f")
                .contentType("application/fhir+json")
                .body(body)
                .post("/fhir/r4/Appointment")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem(expression));
        Clinics.as("clinic-f").get("/v1/clinics/clinic-f/bookings/" + id).then().statusCode(404);
    }
}
