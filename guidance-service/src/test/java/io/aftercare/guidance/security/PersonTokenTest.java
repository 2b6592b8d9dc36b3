package io.aftercare.guidance.security;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TestPersonTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A clinic's protocol override through the console: its clinic-admin changes it, its staff are refused 403, another
 * clinic's admin gets 404, and a token the console did not mint is refused 401.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PersonTokenTest {

    private static final String OVERRIDE = "{\"clinicName\": \"Clinica Propia\", \"phone\": \"+34911000222\"}";

    @Test
    void onlyTheClinicsAdminChangesItsOverride() {
        String clinic = "own-" + System.nanoTime();
        String path = "/v1/admin/clinics/" + clinic + "/protocols/microneedling";
        TestPersonTokens admin = TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "clinic-admin");

        as(TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "staff")).body(OVERRIDE).put(path).then()
                .statusCode(403).contentType("application/problem+json");
        as(TestPersonTokens.of(UUID.randomUUID().toString(), "other-" + System.nanoTime(), "clinic-admin"))
                .body(OVERRIDE).put(path).then().statusCode(404).contentType("application/problem+json");
        as(admin.signedWithAnotherKey()).body(OVERRIDE).put(path).then().statusCode(401);
        as(admin.expiringIn(Duration.ofMinutes(-2))).body(OVERRIDE).put(path).then().statusCode(401);

        as(admin).body(OVERRIDE).put(path).then().statusCode(201);
        as(admin).get(path).then().statusCode(200);
        as(TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "staff")).delete(path).then().statusCode(403);
        as(admin).delete(path).then().statusCode(204);
    }

    private static RequestSpecification as(TestPersonTokens token) {
        return given().header("Authorization", token.bearer()).contentType(ContentType.JSON);
    }
}
