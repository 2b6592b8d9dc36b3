package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ProtocolResourceTest {

    @Test
    void listsThePublishedMicroneedlingProtocol() {
        given().get("/v1/protocols")
                .then()
                .statusCode(200)
                .body("items.treatment", hasItem("microneedling"))
                .body("items.find { it.treatment == 'microneedling' }.rules", greaterThanOrEqualTo(12))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
    }

    @Test
    void servesTheEffectiveProtocolAndItsFirstVersion() {
        given().get("/v1/protocols/microneedling")
                .then()
                .statusCode(200)
                .body("treatment", equalTo("microneedling"))
                .body("parameters.sunAvoidanceHours", equalTo(48))
                .body("rules.key", hasItem("avoid-sun"))
                .body("rules.find { it.key == 'avoid-sun' }.timing.after", equalTo("PT0S"));
        given().get("/v1/protocols/microneedling/versions/1")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("content.rules.key", hasItem("what-to-expect"));
    }

    @Test
    void unknownTreatmentsAndVersionsAreNotFoundProblems() {
        given().get("/v1/protocols/tattoo-removal").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/protocols/microneedling/versions/999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/protocols/Not_A_Treatment")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("treatment"));
        given().get("/v1/protocols?size=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void reportsHealthIncludingTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/v1/protocols/{treatment}/plan"));
    }
}
