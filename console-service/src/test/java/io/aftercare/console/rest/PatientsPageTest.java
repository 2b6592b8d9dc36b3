package io.aftercare.console.rest;

import static io.aftercare.console.Console.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditEntry;
import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.console.Resources;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The patients pages' boundary: who may open them, what they refuse before asking anyone, and what they say when the
 * services cannot be read (the test profile points scheduling and notification at a closed port), each read audited
 * with the person.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class PatientsPageTest {

    private static final Duration MAIL_BOUND = Duration.ofSeconds(10);

    @Inject
    AuditTrail audit;

    @Test
    void nobodySignedInIsSentToSignInAndTheOperatorIsNoClinicsPerson() {
        for (String path : new String[]{"/patients", "/patients?q=Ana", "/patients/b-1"}) {
            Response answer = Console.browser().get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(303);
            assertThat(answer.header("Location")).as(path).contains("/sign-in");
        }
        assertThat(Console.asOperator().get("/patients").statusCode()).isEqualTo(403);
        assertThat(Console.asOperator().get("/patients/b-1").statusCode()).isEqualTo(403);
    }

    @Test
    void staffAndAdminsGetTheLabelledSearchFormInEnglishAndSpanish() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = activePerson(admin, "staff");

        for (Console.SignedIn person : new Console.SignedIn[]{admin, staff}) {
            Response page = get(person, "/patients?lang=en");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("<form id=\"search\"", "<label for=\"q\">",
                    "First name, phone number or booking id", "id=\"q\" name=\"q\"")
                    .doesNotContain("id=\"results\"");
        }
        assertThat(get(staff, "/patients?lang=es").asString()).contains("Nombre, teléfono o id de la cita",
                "Buscar un paciente");
        // Every signed-in page leads there.
        assertThat(get(staff, "/?lang=en").asString()).contains("href=\"/patients?lang=en\"");
    }

    @Test
    void aSearchThatCannotBeOneIsRefusedBeforeAnyoneIsAsked() {
        Console.SignedIn staff = Console.adminOfNewClinic();

        Response control = Console.browser().cookie(Console.COOKIE, staff.cookie()).queryParam("lang", "en")
                .queryParam("q", "Ana\u0007").get("/patients");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.asString()).contains("role=\"alert\"", "a whole phone number or a booking id");
        assertThat(get(staff, "/patients?lang=en&q=" + "a".repeat(129)).statusCode()).isEqualTo(400);
        // A malformed booking id names no booking: not found, and never sent on.
        Response malformed = get(staff, "/patients/-x?lang=en");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.asString()).contains("No such booking in your clinic.");
    }

    @Test
    void whenTheServicesCannotBeReadThePageSaysSoAndTheReadIsAuditedWithThePerson() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = activePerson(admin, "staff");

        Response search = get(staff, "/patients?lang=en&q=Ana");
        assertThat(search.statusCode()).isEqualTo(502);
        assertThat(search.asString()).contains("could not be read just now").doesNotContain("id=\"results\"");
        Response timeline = get(staff, "/patients/b-1?lang=es");
        assertThat(timeline.statusCode()).isEqualTo(502);
        assertThat(timeline.asString()).contains("no se pudo leer");

        String clinic = clinicOf(staff);
        assertThat(audit.page(clinic, null, 50))
                .filteredOn(line -> "staff".equals(line.role()) && "GET".equals(line.action()))
                .extracting(AuditEntry::resource, AuditEntry::status)
                .contains(org.assertj.core.groups.Tuple.tuple("/patients", 502),
                        org.assertj.core.groups.Tuple.tuple("/patients/b-1", 502));
        // The typed search (a name, a number) is not in the trail.
        assertThat(audit.page(clinic, null, 50)).noneMatch(line -> line.resource().contains("Ana"));
    }

    private String clinicOf(Console.SignedIn person) {
        String page = get(person, "/?lang=en").asString();
        int at = page.indexOf("<dt>Clinic</dt><dd>");
        assertThat(at).isPositive();
        return page.substring(at + "<dt>Clinic</dt><dd>".length(), page.indexOf("</dd>", at));
    }

    private static Response get(Console.SignedIn person, String path) {
        return Console.browser().cookie(Console.COOKIE, person.cookie()).get(path);
    }

    private static Console.SignedIn activePerson(Console.SignedIn admin, String role) {
        String email = Console.newEmail();
        assertThat(Console.invite(admin, email, role).statusCode()).isEqualTo(303);
        await().atMost(MAIL_BOUND).pollInSameThread().until(() -> Resources.linkTokenInNewestMailTo(email) != null);
        assertThat(Console.choosePassword(Resources.linkTokenInNewestMailTo(email), GOOD_PASSWORD).statusCode())
                .isEqualTo(303);
        return Console.signIn(email, GOOD_PASSWORD);
    }
}
