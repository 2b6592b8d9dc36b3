package io.aftercare.scheduling.rest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a FHIR clinic reads back: planned reminders, sent messages and urgent replies, by patient or appointment. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class CareRecordResourceTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachPlannedReminderIsACommunicationRequestRevokedWhenThePlanChanges() {
        String clinic = TransactionResourceTest.clinicInStockholm();
        String id = BookingFixtures.uniqueId("wb-plan");
        String patient = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(4).truncatedTo(ChronoUnit.HOURS);
        post(clinic, id, patient, start);

        Bundle planned = search(clinic, "CommunicationRequest?patient=Patient/" + patient);
        List<CommunicationRequest> requests = resources(planned, CommunicationRequest.class);
        assertThat(requests).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getStatus()).isEqualTo(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
            assertThat(request.getSubject().getReference()).isEqualTo("Patient/" + patient);
            assertThat(request.getAboutFirstRep().getReference()).isEqualTo("Appointment/" + id);
            assertThat(request.getMedium()).extracting(m -> m.getCodingFirstRep().getCode())
                    .isNotEmpty()
                    .isSubsetOf("SMSWRIT", "EMAILWRIT");
            assertThat(request.getOccurrenceDateTimeType().getValue()).isNotNull();
        });
        assertThat(requests).anySatisfy(request -> assertThat(request.getMedium())
                .extracting(m -> m.getCodingFirstRep().getCode()).contains("SMSWRIT"));
        // The texts give the clinic's name from its profile.
        assertThat(requests).anySatisfy(request -> assertThat(request.getPayloadFirstRep().getContentStringType()
                .getValue()).contains("Sofia", "Klinik Syd"));
        // By appointment, the same; another clinic finds nothing of it.
        assertThat(search(clinic, "CommunicationRequest?appointment=" + id).getTotal()).isEqualTo(requests.size());
        assertThat(search(TransactionResourceTest.clinicInStockholm(), "CommunicationRequest?patient=" + patient)
                .getTotal()).isZero();

        // Moved a day: the old plan is revoked, a new one is active.
        post(clinic, id, patient, start.plusDays(1));
        List<CommunicationRequest> after = resources(
                search(clinic, "CommunicationRequest?appointment=Appointment/" + id), CommunicationRequest.class);
        assertThat(after).filteredOn(r -> r.getStatus() == CommunicationRequest.CommunicationRequestStatus.REVOKED)
                .hasSize(requests.size())
                .allSatisfy(r -> assertThat(r.getStatusReason().getText()).contains("plan changed"));
        assertThat(after).filteredOn(r -> r.getStatus() == CommunicationRequest.CommunicationRequestStatus.ACTIVE)
                .isNotEmpty();

        // The clinic's new name in its profile: what is still to go is planned again and says it.
        Clinics.operator().contentType("application/json")
                .body("{\"name\": \"Klinik Norr\", \"timeZone\": \"Europe/Stockholm\", \"locale\": \"sv\", "
                        + "\"phone\": \"+46812345678\"}")
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(200);
        await().atMost(BOUND).pollInSameThread()
                .until(() -> resources(search(clinic, "CommunicationRequest?appointment=" + id),
                        CommunicationRequest.class).stream()
                        .filter(r -> r.getStatus() == CommunicationRequest.CommunicationRequestStatus.ACTIVE)
                        .anyMatch(r -> r.getPayloadFirstRep().getContentStringType().getValue().contains("Klinik Norr"))
                                ? true
                                : null,
                        Objects::nonNull);

        Clinics.as(clinic).get("/fhir/r4/CommunicationRequest").then().statusCode(400)
                .contentType("application/fhir+json");
        Clinics.as(clinic).get("/fhir/r4/Task?patient=Patient/a%20b").then().statusCode(400);
    }

    @Test
    void aSentReminderIsACommunicationAndAnUrgentReplyIsATask() {
        // Where it is early afternoon now: in Stockholm after 20:00 the first moment rightly waits for the morning.
        String clinic = "clinic-ft-" + UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().contentType("application/json")
                .body("{\"name\": \"Klinik Syd\", \"timeZone\": \"" + MiddayZone.now() + "\", \"locale\": \"sv\", "
                        + "\"phone\": \"+46812345678\"}")
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);
        String id = BookingFixtures.uniqueId("wb-sent");
        String patient = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        // Treated just now: the first care moment is due at once and goes out.
        post(clinic, id, patient, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(45).truncatedTo(ChronoUnit.SECONDS));
        String path = "/v1/clinics/" + clinic + "/bookings/" + id;
        String reminderId = BookingFixtures.awaitState(path, "leaving", "dispatched");
        String bookingId = Clinics.as(clinic).get(path).jsonPath().getString("id");
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID replyId = UUID.randomUUID();
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("notification-status", bookingId, reminderId + ":delivered",
                    "io.aftercare.notification.status.v1", """
                            {"reminderId": "%s", "clinicId": "%s", "bookingId": "%s", "status": "delivered",
                             "channel": "sms", "reason": null, "at": "%s"}
                            """.formatted(reminderId, clinic, bookingId, sentAt));
            writer.send("patient-replies", bookingId, replyId.toString(), "io.aftercare.patient.replied.v1", """
                    {"replyId": "%s", "clinicId": "%s", "bookingId": "%s", "bookingRef": "%s", "language": "es",
                     "checkInScore": null, "urgent": true, "urgentReason": "red flag: fever", "receivedAt": "%s"}
                    """.formatted(replyId, clinic, bookingId, id, sentAt.plusSeconds(60)));
        }

        Communication sent = await().atMost(BOUND).pollInSameThread().until(() -> resources(
                search(clinic, "Communication?patient=Patient/" + patient), Communication.class).stream()
                .filter(c -> c.getStatus() == Communication.CommunicationStatus.COMPLETED)
                .findFirst()
                .orElse(null), Objects::nonNull);
        assertThat(sent.getIdPart()).isEqualTo(reminderId);
        assertThat(sent.getBasedOnFirstRep().getReference()).isEqualTo("CommunicationRequest/" + reminderId);
        assertThat(sent.getSent().toInstant()).isEqualTo(sentAt);
        assertThat(sent.getAboutFirstRep().getReference()).isEqualTo("Appointment/" + id);
        // Only what went out is a Communication; the rest of the plan is still a request.
        assertThat(search(clinic, "Communication?appointment=" + id).getTotal()).isEqualTo(1);

        Task task = await().atMost(BOUND).pollInSameThread()
                .until(() -> resources(search(clinic, "Task?appointment=" + id), Task.class)
                        .stream()
                        .findFirst()
                        .orElse(null), Objects::nonNull);
        assertThat(task.getIdPart()).isEqualTo(replyId.toString());
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.URGENT);
        assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patient);
        assertThat(task.getDescription()).contains("red flag: fever");
    }

    private static void post(String clinic, String id, String patient, OffsetDateTime start) {
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        Clinics.as(clinic).contentType("application/fhir+json")
                .body(FhirBundles.transaction(FhirBundles.patient(patientUrl, patient, "+46701234567", "sv"),
                        FhirBundles.appointment(id, patientUrl, start, "\"booked\"")))
                .post("/fhir/r4")
                .then()
                .statusCode(200);
    }

    private static Bundle search(String clinic, String query) {
        String body = Clinics.as(clinic).get("/fhir/r4/" + query)
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();
        Bundle bundle = FhirBundles.parseStrictly(Bundle.class, body);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        return bundle;
    }

    private static <T> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(type::cast).toList();
    }
}
