package io.aftercare.console.rest;

import static io.aftercare.console.Console.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.console.Resources;
import io.aftercare.console.TestClock;
import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A clinic admin's users page: inviting (a real email through the local SMTP server, with a link that works once),
 * disabling, resetting; staff refused, another clinic's people not found.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class UsersPageTest {

    private static final Duration MAIL_BOUND = Duration.ofSeconds(10);

    @Inject
    TestClock clock;

    @Inject
    AuditTrail audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anInvitationArrivesByEmailWithALinkThatWorksOnce() throws Exception {
        Console.SignedIn admin = Console.adminOfNewClinic();
        String email = Console.newEmail();

        Response invited = Console.invite(admin, email, "staff");

        assertThat(invited.statusCode()).as(invited.asString()).isEqualTo(303);
        await().atMost(MAIL_BOUND).pollInSameThread().until(() -> Resources.linkTokenInNewestMailTo(email) != null);
        var mail = Resources.mailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your Aftercare console account");
        assertThat(LocalSmtp.textOf(mail)).contains("/links/");
        String token = Resources.linkTokenInNewestMailTo(email);

        Response page = Console.browser().get("/links/{token}", token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(email, "<label for=\"password\">");
        // Invited: no password yet, so no sign-in.
        assertThat(Console.attemptSignIn(email, GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(401);

        assertThat(Console.choosePassword(token, GOOD_PASSWORD).statusCode()).isEqualTo(303);
        Console.SignedIn staff = Console.signIn(email, GOOD_PASSWORD);
        assertThat(Console.home(staff.cookie()).asString()).contains("Staff", email);

        // Used: the link works no more, whatever is posted to it.
        assertThat(Console.choosePassword(token, "another-fine-passphrase").statusCode()).isEqualTo(404);
        assertThat(Console.browser().get("/links/{token}", token).statusCode()).isEqualTo(404);
        assertThat(Console.attemptSignIn(email, "another-fine-passphrase", Console.address()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anInvitationSentFromTheSpanishPageIsInSpanish() throws Exception {
        Console.SignedIn admin = Console.adminOfNewClinic();
        String email = Console.newEmail();

        Response invited = Console.post(admin, "/users", Map.of("email", email, "displayName", "Lucía Pérez", "role",
                "staff", "lang", "es"));

        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(invited.header("Location")).endsWith("lang=es");
        await().atMost(MAIL_BOUND).pollInSameThread().until(() -> !Resources.mailTo(email).isEmpty());
        var mail = Resources.mailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Tu cuenta en la consola de Aftercare");
        assertThat(LocalSmtp.textOf(mail).replace("\r\n", "\n")).startsWith("Hola, Lucía Pérez:\n\nte han invitado")
                .contains("/links/", "Si no esperabas este correo");
        assertThat(Console.browser().urlEncodingEnabled(false).cookie(Console.COOKIE, admin.cookie())
                .get(invited.header("Location"))
                .asString()).contains("Invitación enviada a " + email);
    }

    @Test
    void theLinkPageRefusesPasswordsThePolicyRefuses() {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(),
                "ana.garcia@" + UUID.randomUUID().toString().substring(0, 8) + ".example");

        assertThat(refusal(admin.token(), "short-one")).contains("too short");
        assertThat(refusal(admin.token(), "x".repeat(129))).contains("too long");
        assertThat(refusal(admin.token(), "Password123456")).contains("most common");
        assertThat(refusal(admin.token(), "my-ana.garcia-password")).contains("name of your email");
        Response differ = Console.browser().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("password", GOOD_PASSWORD)
                .formParam("confirm", GOOD_PASSWORD + "!")
                .post("/links/{token}", admin.token());
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.asString()).contains("differ");
        // Refusals do not use the link up.
        assertThat(Console.choosePassword(admin.token(), GOOD_PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aLinkExpiresAfter72Hours() {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(Console.browser().get("/links/{token}", admin.token()).statusCode()).isEqualTo(404);
        assertThat(Console.choosePassword(admin.token(), GOOD_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(Console.browser().get("/links/{token}", "x".repeat(43)).statusCode()).isEqualTo(404);
    }

    @Test
    void staffAreRefusedTheUsersPageAndItsActions() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = activePerson(admin, "staff");

        assertThat(Console.browser().cookie(Console.COOKIE, staff.cookie()).get("/users").statusCode())
                .isEqualTo(403);
        assertThat(Console.invite(staff, Console.newEmail(), "staff").statusCode()).isEqualTo(403);
        String adminsId = idInPage(Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/users").asString(),
                admin.email());
        assertThat(Console.post(staff, "/users/" + adminsId + "/disable", Map.of()).statusCode()).isEqualTo(403);
        assertThat(Console.home(admin.cookie()).statusCode()).isEqualTo(200);
        // The landing page offers staff no users link either.
        assertThat(Console.home(staff.cookie()).asString()).doesNotContain("href=\"/users");
    }

    @Test
    void anotherClinicsPeopleAreNotFound() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn otherAdmin = Console.adminOfNewClinic();
        Console.SignedIn otherStaff = activePerson(otherAdmin, "staff");
        String otherStaffId = idInPage(
                Console.browser().cookie(Console.COOKIE, otherAdmin.cookie()).get("/users").asString(),
                otherStaff.email());

        String page = Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/users").asString();
        assertThat(page).contains(admin.email()).doesNotContain(otherStaff.email(), otherAdmin.email());
        assertThat(Console.post(admin, "/users/" + otherStaffId + "/disable", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(Console.post(admin, "/users/" + otherStaffId + "/reset", Map.of()).statusCode()).isEqualTo(404);
        assertThat(Console.post(admin, "/users/not-a-uuid/disable", Map.of()).statusCode()).isEqualTo(404);
        // Untouched.
        assertThat(Console.home(otherStaff.cookie()).statusCode()).isEqualTo(200);
    }

    @Test
    void disablingAPersonSignsThemOutAndIsAuditedWithTheAdmin() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = activePerson(admin, "staff");
        String page = Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/users").asString();
        String staffId = idInPage(page, staff.email());
        String adminId = idInPage(page, admin.email());

        Response disabled = Console.post(admin, "/users/" + staffId + "/disable", Map.of());

        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(Console.home(staff.cookie()).statusCode()).isEqualTo(303);
        assertThat(Console.attemptSignIn(staff.email(), GOOD_PASSWORD, Console.address()).statusCode())
                .isEqualTo(401);
        assertThat(Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/users").asString())
                .contains("Disabled");
        // A disabled person is not reset (that would hand them a way back in).
        assertThat(Console.post(admin, "/users/" + staffId + "/reset", Map.of()).statusCode()).isEqualTo(422);
        // An admin cannot disable themselves (the clinic would be left without one).
        assertThat(Console.post(admin, "/users/" + adminId + "/disable", Map.of()).statusCode()).isEqualTo(422);

        String clinicId = audit.page(null, null, 20)
                .stream()
                .filter(line -> line.resource().equals("/users/" + staffId + "/disable"))
                .filter(line -> line.actor().equals(adminId))
                .filter(line -> "clinic-admin".equals(line.role()))
                .findFirst()
                .orElseThrow()
                .clinicId();
        assertThat(clinicId).startsWith("clinic-");
    }

    @Test
    void aResetEndsThePersonsSessionsAndOldPasswordAndMailsANewLink() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = activePerson(admin, "staff");
        String staffId = idInPage(Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/users").asString(),
                staff.email());
        int mailsBefore = Resources.mailTo(staff.email()).size();

        assertThat(Console.post(admin, "/users/" + staffId + "/reset", Map.of()).statusCode()).isEqualTo(303);

        assertThat(Console.home(staff.cookie()).statusCode()).isEqualTo(303);
        assertThat(Console.attemptSignIn(staff.email(), GOOD_PASSWORD, Console.address()).statusCode())
                .isEqualTo(401);
        await().atMost(MAIL_BOUND).pollInSameThread()
                .until(() -> Resources.mailTo(staff.email()).size() > mailsBefore);
        String token = Resources.linkTokenInNewestMailTo(staff.email());
        assertThat(Console.choosePassword(token, "a-new-passphrase-for-me").statusCode()).isEqualTo(303);
        assertThat(Console.attemptSignIn(staff.email(), "a-new-passphrase-for-me", Console.address()).statusCode())
                .isEqualTo(303);
    }

    @Test
    void anInvitationWithBadFieldsIsRefusedAndNamesThemInTheLanguageOfThePage() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Response answer = Console.post(admin, "/users", Map.of("email", "not-an-email", "displayName", " ", "role",
                "operator"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("<li>Email: must be an email address</li>",
                "<li>Name: must be 1 to 100 characters</li>", "<li>Role: must be staff or clinic-admin</li>");
        Response spanish = Console.post(admin, "/users", Map.of("email", "not-an-email", "displayName", " ", "role",
                "operator", "lang", "es"));
        assertThat(spanish.statusCode()).isEqualTo(400);
        assertThat(spanish.asString()).contains(
                "<li>Correo electrónico: debe ser una dirección de correo electrónico</li>",
                "<li>Nombre: debe tener de 1 a 100 caracteres</li>",
                "<li>Rol: debe ser personal o administración de la clínica</li>")
                .doesNotContain("must be");
        Response taken = Console.invite(admin, admin.email(), "staff");
        assertThat(taken.statusCode()).isEqualTo(409);
    }

    /** A person of the admin's clinic with this role, invited through the page and signed in. */
    private static Console.SignedIn activePerson(Console.SignedIn admin, String role) {
        String email = Console.newEmail();
        assertThat(Console.invite(admin, email, role).statusCode()).isEqualTo(303);
        await().atMost(MAIL_BOUND).pollInSameThread().until(() -> Resources.linkTokenInNewestMailTo(email) != null);
        assertThat(Console.choosePassword(Resources.linkTokenInNewestMailTo(email), GOOD_PASSWORD).statusCode())
                .isEqualTo(303);
        return Console.signIn(email, GOOD_PASSWORD);
    }

    /** The id of the person with this email, from their entry in the users page. */
    private static String idInPage(String page, String email) {
        int at = page.indexOf(email);
        assertThat(at).as("%s in the page", email).isPositive();
        int entry = page.lastIndexOf("<li id=\"user-", at);
        assertThat(entry).isPositive();
        int start = entry + "<li id=\"user-".length();
        return page.substring(start, page.indexOf('"', start));
    }

    private static String refusal(String token, String password) {
        Response answer = Console.choosePassword(token, password);
        assertThat(answer.statusCode()).isEqualTo(400);
        return answer.asString();
    }
}
