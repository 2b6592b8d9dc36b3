package io.aftercare.notification.rest;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The console outbox shows message bodies, which name patients: only the operator may read it. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleMessageResourceTest {

    @Test
    void theConsoleOutboxIsForTheOperatorOnly() {
        given().get("/v1/console/messages").then().statusCode(401);
        given().auth().preemptive().basic("operator", "wrong").get("/v1/console/messages").then().statusCode(401);
        given().auth().preemptive().basic("operator", "operator").get("/v1/console/messages").then().statusCode(200);
    }
}
