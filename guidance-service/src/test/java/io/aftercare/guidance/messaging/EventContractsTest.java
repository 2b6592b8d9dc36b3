package io.aftercare.guidance.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.contracts.Contract;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What guidance hands out keeps to its contracts: the plan answer and the protocol-published event. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class EventContractsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void thePlanAnswerKeepsToItsContractInBothLanguages() {
        for (String locale : new String[]{"en", "es"}) {
            Contract.GUIDANCE_PLAN.assertValid(given().queryParam("treatedAt", "2026-06-10T17:00:00+02:00")
                    .queryParam("zone", "Europe/Madrid")
                    .queryParam("locale", locale)
                    .queryParam("firstName", "Ana")
                    .get("/v1/protocols/microneedling/plan")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
    }

    @Test
    void theProtocolPublishedEventKeepsToItsContract() {
        String clinic = "contract-" + System.nanoTime();
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"clinicName\": \"Clinica Luz\"}")
                .put("/v1/admin/clinics/" + clinic + "/protocols/microneedling")
                .then()
                .statusCode(201);

        try (TopicReader topic = new TopicReader(bootstrapServers, "protocol-published")) {
            var events = topic.read(r -> r.value().contains("\"clinicId\":\"" + clinic + "\""), 1,
                    Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            Contract.PROTOCOL_PUBLISHED.assertValid(events.get(0).value());
        }
    }
}
