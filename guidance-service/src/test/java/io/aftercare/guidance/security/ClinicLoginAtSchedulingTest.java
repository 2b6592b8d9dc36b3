package io.aftercare.guidance.security;

import static io.restassured.RestAssured.given;

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
@WithTestResource(value = FakeSchedulingSessions.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ClinicLoginAtSchedulingTest {

    private static final String EFFECTIVE = "/v1/protocols/microneedling?clinicId=";

    @Test
    void aClinicSignsInWithTheKeySchedulingAcceptsAndSeesOnlyItsOwnView() {
        given().auth().preemptive().basic(FakeSchedulingSessions.CLINIC, FakeSchedulingSessions.KEY)
                .get(EFFECTIVE + FakeSchedulingSessions.CLINIC).then().statusCode(200);
        given().auth().preemptive().basic(FakeSchedulingSessions.CLINIC, FakeSchedulingSessions.KEY)
                .get(EFFECTIVE + "clinic-b").then().statusCode(403);
        given().auth().preemptive().basic(FakeSchedulingSessions.CLINIC, "ak_test_wrong")
                .get(EFFECTIVE + FakeSchedulingSessions.CLINIC).then().statusCode(401);
        // The operator's password is checked here (OperatorLogin), never at scheduling; the admin is an embedded user.
        given().auth().preemptive().basic("operator", "operator").get(EFFECTIVE + "clinic-b").then().statusCode(200);
        given().auth().preemptive().basic("operator", "wrong").get(EFFECTIVE + "clinic-b").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get(EFFECTIVE + "clinic-b").then().statusCode(401);
    }
}
