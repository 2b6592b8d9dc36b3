package io.aftercare.console.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The operator's bootstrap of a clinic's first admin: the answer, each refusal, and its line in the audit trail. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class AdminUserResourceTest {

    @Inject
    AuditTrail audit;

    @Test
    void theOperatorInvitesAClinicsFirstAdminOnceAndTheLinkIsShownOnce() {
        String clinicId = Console.newClinic();
        String email = Console.newEmail();

        Response answer = Console.asOperator().contentType("application/json")
                .body(Map.of("email", email.toUpperCase(), "displayName", "Marta Ruiz"))
                .post("/v1/admin/clinics/{clinicId}/users", clinicId);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat((String) answer.path("email")).isEqualTo(email);
        assertThat((String) answer.path("clinicId")).isEqualTo(clinicId);
        assertThat((String) answer.path("role")).isEqualTo("clinic-admin");
        assertThat((String) answer.path("state")).isEqualTo("invited");
        assertThat((String) answer.path("inviteLink")).matches("http://127\\.0\\.0\\.1:8084/links/[A-Za-z0-9_-]{43}");
        assertThat((String) answer.path("linkExpiresAt")).isNotBlank();

        Response again = Console.asOperator().contentType("application/json")
                .body(Map.of("email", Console.newEmail(), "displayName", "Second Admin"))
                .post("/v1/admin/clinics/{clinicId}/users", clinicId);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        assertThat(audit.page(clinicId, null, 10)).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo("operator");
            assertThat(line.role()).isEqualTo("operator");
            assertThat(line.action()).isEqualTo("POST");
            assertThat(line.status()).isEqualTo(201);
        });
    }

    @Test
    void badFieldsAreNamedOneByOne() {
        Response answer = Console.asOperator().contentType("application/json")
                .body(Map.of("email", "not-an-email", "displayName", ""))
                .post("/v1/admin/clinics/{clinicId}/users", Console.newClinic());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().<String>getList("errors.field")).contains("email", "displayName");

        Response badClinic = Console.asOperator().contentType("application/json")
                .body(Map.of("email", Console.newEmail(), "displayName", "Someone"))
                .post("/v1/admin/clinics/{clinicId}/users", "-bad-");
        assertThat(badClinic.statusCode()).isEqualTo(400);
    }

    @Test
    void anEmailThatHasAnAccountIsAConflict() {
        Console.Invited first = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        Response answer = Console.asOperator().contentType("application/json")
                .body(Map.of("email", first.email(), "displayName", "Someone"))
                .post("/v1/admin/clinics/{clinicId}/users", Console.newClinic());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.jsonPath().<String>getList("errors.field")).containsExactly("email");
    }

    @Test
    void onlyTheOperatorMayCallIt() {
        String body = "{\"email\":\"" + Console.newEmail() + "\",\"displayName\":\"Someone\"}";
        assertThat(given().contentType("application/json").body(body)
                .post("/v1/admin/clinics/{clinicId}/users", Console.newClinic()).statusCode()).isEqualTo(401);
        assertThat(given().auth().preemptive().basic("operator", "wrong").contentType("application/json").body(body)
                .post("/v1/admin/clinics/{clinicId}/users", Console.newClinic()).statusCode()).isEqualTo(401);
        // A clinic admin, signed in, is not the operator.
        Console.SignedIn admin = Console.adminOfNewClinic();
        assertThat(Console.browser().cookie(Console.COOKIE, admin.cookie()).contentType("application/json")
                .body(body).post("/v1/admin/clinics/{clinicId}/users", Console.newClinic()).statusCode())
                .isEqualTo(403);
    }
}
