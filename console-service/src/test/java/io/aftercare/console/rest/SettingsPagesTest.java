package io.aftercare.console.rest;

import static io.aftercare.console.Console.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditEntry;
import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.console.Resources;
import io.aftercare.console.service.Person;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.problem.Problem;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The settings pages, the audit page and the operator's view, refused by the server to whoever may not see them:
 * staff (403 for every page and action, before any service is called), anyone not signed in (to the sign-in page),
 * the operator outside its deliberate view, and a clinic admin inside it. What renders without the other services
 * (they are not running here: their pages answer 502 naming the service) is checked as rendered.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class SettingsPagesTest {

    private static final Duration MAIL_BOUND = Duration.ofSeconds(10);
    private static final List<String> PAGES = List.of("/settings", "/settings/plan-preview", "/settings/webhooks",
            "/settings/keys", "/audit");
    private static final List<String> ACTIONS = List.of("/settings/profile", "/settings/webhooks",
            "/settings/webhooks/ep_0123456789abcdef/rotate", "/settings/webhooks/ep_0123456789abcdef/test",
            "/settings/keys", "/settings/keys/0123456789abcdef/revoke");

    @Inject
    AuditTrail trail;

    @Test
    void staffAreRefusedEverySettingsPageAndActionByTheServer() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = activePerson(admin, "staff");

        for (String page : PAGES) {
            assertThat(Console.browser().cookie(Console.COOKIE, staff.cookie()).get(page).statusCode()).as(page)
                    .isEqualTo(403);
        }
        for (String action : ACTIONS) {
            assertThat(Console.post(staff, action, Map.of("name", "Hijacked", "url", "https://evil.example/h"))
                    .statusCode()).as(action).isEqualTo(403);
        }
        // Nor does the landing page offer staff the way there.
        assertThat(Console.home(staff.cookie()).asString()).doesNotContain("/settings", "/audit");
        assertThat(Console.home(admin.cookie()).asString()).contains("id=\"nav-settings\"", "id=\"nav-audit\"");
    }

    @Test
    void anyoneNotSignedInIsSentToSignInAndTheOperatorIsNotAClinicAdmin() {
        for (String page : PAGES) {
            Response answer = Console.browser().get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(303);
            assertThat(answer.header("Location")).as(page).contains("/sign-in");
        }
        for (String action : ACTIONS) {
            Response answer = Console.browser().contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", "x".repeat(43))
                    .post(action);
            assertThat(answer.statusCode()).as(action).isEqualTo(303);
            assertThat(answer.header("Location")).as(action).contains("/sign-in");
        }
        for (String page : PAGES) {
            assertThat(Console.asOperator().get(page).statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn forged = new Console.SignedIn(admin.email(), admin.cookie(), "y".repeat(43));

        for (String action : ACTIONS) {
            assertThat(Console.post(forged, action, Map.of()).statusCode()).as(action).isEqualTo(403);
        }
    }

    @Test
    void thePlanPreviewFormRendersLabelledInEnglishAndSpanish() {
        Console.SignedIn admin = Console.adminOfNewClinic();

        String english = Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/settings/plan-preview")
                .then().statusCode(200).extract().asString();
        assertThat(english).contains("id=\"plan-preview\"", "<label for=\"ends-at\">Treatment ends at",
                "type=\"datetime-local\"", "<label for=\"treatment\">", "value=\"microneedling\"");
        String spanish = Console.browser().cookie(Console.COOKIE, admin.cookie()).queryParam("lang", "es")
                .get("/settings/plan-preview").then().statusCode(200).extract().asString();
        assertThat(spanish).contains("Vista previa del plan", "El tratamiento termina", "lang=\"es\"");
    }

    /**
     * Scheduling does not run beside these tests, so the profile form is rendered from its refusal as its
     * problem+json names the fields: Bean Validation's defaults, its own words, and a message the console does not
     * know, which stays English rather than vanishing.
     */
    @Test
    void schedulingsFieldErrorsAreShownInTheLanguageOfThePage() {
        List<Problem.FieldError> refused = List.of(new Problem.FieldError("name", "must not be blank"),
                new Problem.FieldError("sendWindow.end", "must be a time of day as HH:mm"),
                new Problem.FieldError("timeZone", "size must be between 0 and 64"),
                new Problem.FieldError("phone", "must be a phone number the console has no words for"));

        String spanish = profileRefused("es", refused);
        assertThat(spanish).contains("id=\"profile-name-error\">no puede estar vacío</p>",
                "id=\"send-window-end-error\">debe ser una hora del día como HH:mm</p>",
                "id=\"time-zone-error\">el tamaño debe estar entre 0 y 64</p>",
                "id=\"phone-error\">must be a phone number the console has no words for</p>")
                .doesNotContain("must not be blank", "time of day", "size must");
        String english = profileRefused("en", refused);
        assertThat(english).contains("id=\"profile-name-error\">must not be blank</p>",
                "id=\"send-window-end-error\">must be a time of day as HH:mm</p>",
                "id=\"time-zone-error\">size must be between 0 and 64</p>",
                "id=\"phone-error\">must be a phone number the console has no words for</p>");
    }

    private static String profileRefused(String lang, List<Problem.FieldError> refused) {
        Person admin = new Person(UUID.randomUUID(), "clinic-es", "admin@clinic.example", "Admin", "clinic-admin",
                "x", "csrf");
        return SettingsPages.settings(lang, admin, ProfileForm.empty(),
                FieldErrors.of(refused, ProfileForm.FIELDS, lang), null, true)
                .setLocale(Locale.forLanguageTag(lang))
                .render();
    }

    @Test
    void aServiceThatCannotBeReachedIsNamedAndNothingIsShownAsSaved() {
        Console.SignedIn admin = Console.adminOfNewClinic();

        Response settings = Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/settings");
        assertThat(settings.statusCode()).isEqualTo(502);
        assertThat(settings.asString()).contains("scheduling cannot be reached now").doesNotContain("Exception");
        Response saved = Console.post(admin, "/settings/profile", Map.of("name", "Clínica Sol"));
        assertThat(saved.statusCode()).isEqualTo(502);
    }

    @Test
    void theAuditPageShowsTheClinicsOwnLinesWithNamesAndNamesTheTrailsItCannotRead() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn other = Console.adminOfNewClinic();
        String otherName = Console.adminName(other.email());
        String name = Console.adminName(admin.email());

        Response page = Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/audit");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains("id=\"audit\"", "class=\"audit-row\"", name, "POST /sign-in",
                "These trails cannot be read now: scheduling, notification, guidance");
        // Another clinic's lines are not there, though that admin signed in too.
        assertThat(html).doesNotContain(otherName, other.email());
    }

    @Test
    void theOperatorSeesAClinicOnlyUnderTheBannerAndEachLookIsAudited() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        String clinic = clinicOf(admin);

        Response view = Console.asOperator().get("/operator/clinics/{clinicId}", clinic);

        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.asString()).contains("id=\"operator-banner\"", "Acting as operator for clinic " + clinic,
                admin.email(), "class=\"audit-row\"");
        assertThat(Console.asOperator().queryParam("lang", "es").get("/operator/clinics/{clinicId}", clinic)
                .asString()).contains("Actuando como operador para la clínica " + clinic);
        List<AuditEntry> lines = trail.page(clinic, null, 50);
        assertThat(lines).filteredOn(line -> line.resource().equals("/operator/clinics/" + clinic))
                .hasSize(2)
                .allSatisfy(line -> {
                    assertThat(line.actor()).isEqualTo("operator");
                    assertThat(line.role()).isEqualTo("operator");
                    assertThat(line.action()).isEqualTo("GET");
                    assertThat(line.status()).isEqualTo(200);
                });
        // A clinic the console does not know: not found, and the look is recorded too.
        String unknown = Console.newClinic();
        assertThat(Console.asOperator().get("/operator/clinics/{clinicId}", unknown).statusCode()).isEqualTo(404);
        assertThat(trail.page(unknown, null, 5)).extracting(AuditEntry::status).containsExactly(404);
        // The clinic's own admin has no such view, of their clinic or any other; nor has anyone unsigned.
        assertThat(Console.browser().cookie(Console.COOKIE, admin.cookie()).get("/operator/clinics/{c}", clinic)
                .statusCode()).isEqualTo(403);
        assertThat(Console.browser().get("/operator/clinics/{c}", clinic).statusCode()).isIn(401, 303);
    }

    /** The clinic of a signed-in admin, as their landing page names it. */
    private static String clinicOf(Console.SignedIn admin) {
        String home = Console.home(admin.cookie()).asString();
        java.util.regex.Matcher clinic = java.util.regex.Pattern.compile("(clinic-[0-9a-f]{8})").matcher(home);
        assertThat(clinic.find()).as(home).isTrue();
        return clinic.group(1);
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
