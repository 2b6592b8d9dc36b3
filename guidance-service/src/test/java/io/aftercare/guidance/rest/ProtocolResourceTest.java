package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
class ProtocolResourceTest {

    @Test
    void listsTheMicroneedlingProtocolFromTheDatabase() {
        given().get("/v1/protocols")
                .then()
                .statusCode(200)
                .body("treatment", hasItem("microneedling"))
                .body("find { it.treatment == 'microneedling' }.version", equalTo(1));
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
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths",
                org.hamcrest.Matchers.hasKey("/v1/protocols"));
    }
}
