package io.aftercare.scheduling.rest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
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
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class TransactionResourceTest {

    private static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(4)
            .truncatedTo(ChronoUnit.HOURS);

    static String clinicInStockholm() {
        String clinic = "clinic-ft-" + UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().contentType("application/json")
                .body("{\"name\": \"Klinik Syd\", \"timeZone\": \"Europe/Stockholm\", \"locale\": \"sv\", "
                        + "\"phone\": \"+46812345678\"}")
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);
        return clinic;
    }

    @Test
    void appointmentsWithTheirPatientReferencedInATransactionBundleAreBookedInTheClinicsZone() {
        String clinic = clinicInStockholm();
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        String first = BookingFixtures.uniqueId("tx-a");
        String second = BookingFixtures.uniqueId("tx-b");
        String bundle = FhirBundles.transaction(
                FhirBundles.appointment(first, patientUrl, START, "\"booked\""),
                FhirBundles.patient(patientUrl, "pat-1", "+46701234567", "es"),
                FhirBundles.appointment(second, "Patient/pat-1", START.plusDays(1), "\"booked\""));

        // Alone, an Appointment whose Patient is only referenced cannot be read: the Bundle carries it.
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(FhirBundles.appointmentResource(first, "Patient/pat-1", START, "\"booked\""))
                .post("/fhir/r4/Appointment")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("issue.expression.flatten()", hasItem("Appointment.participant"));

        String answer = Clinics.as(clinic).contentType("application/fhir+json").body(bundle).post("/fhir/r4")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();
        Bundle response = FhirBundles.parseStrictly(Bundle.class, answer);
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "200 OK", "201 Created");
        assertThat(response.getEntry().get(2).getResponse().getLocation()).isEqualTo("Appointment/" + second);

        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        for (String id : new String[]{first, second}) {
            JsonPath booking = Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + id).jsonPath();
            assertThat(booking.getString("timeZone")).isEqualTo("Europe/Stockholm");
            assertThat(booking.getList("reminders.dueAt", String.class))
                    .anyMatch(due -> Instant.parse(due).atZone(stockholm).toLocalTime().equals(LocalTime.of(8, 0)));
        }
        // The same Bundle again changes nothing.
        Clinics.as(clinic).contentType("application/fhir+json").body(bundle).post("/fhir/r4")
                .then()
                .statusCode(200)
                .body("entry.response.status", org.hamcrest.Matchers.contains("200 OK", "200 OK", "200 OK"));
    }

    @Test
    void oneBadEntryRefusesTheWholeBundleAndNothingIsStored() {
        String clinic = clinicInStockholm();
        String good = BookingFixtures.uniqueId("tx-good");
        String bad = BookingFixtures.uniqueId("tx-bad");
        String patientUrl = "urn:uuid:" + UUID.randomUUID();

        Clinics.as(clinic).contentType("application/fhir+json")
                .body(FhirBundles.transaction(FhirBundles.patient(patientUrl, "pat-2", "+46701234568", "sv"),
                        FhirBundles.appointment(good, patientUrl, START, "\"booked\""),
                        FhirBundles.appointment(bad, patientUrl, START, "1")))
                .post("/fhir/r4")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem("Bundle.entry[2].resource.status"));
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(FhirBundles.transaction(FhirBundles.appointment(good, patientUrl, START, "\"booked\""),
                        "{\"resource\": {\"resourceType\": \"Observation\"}, \"request\": {\"method\": \"POST\", "
                                + "\"url\": \"Observation\"}}"))
                .post("/fhir/r4")
                .then()
                .statusCode(400)
                .body("issue.expression.flatten()", hasItem("Bundle.entry[1].resource"));
        Clinics.as(clinic).contentType("application/fhir+json")
                .body("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}")
                .post("/fhir/r4")
                .then()
                .statusCode(400)
                .body("issue.expression.flatten()", hasItem("Bundle.type"));

        for (String id : new String[]{good, bad}) {
            Clinics.as(clinic).get("/v1/clinics/" + clinic + "/bookings/" + id).then().statusCode(404);
        }
    }
}
