package io.aftercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalSmtp;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The clinic console in a real browser (headless Chromium, driven by Selenium), against the packaged services and the
 * console on the local stack: people of two clinics sign in as themselves, and everything the server must refuse is
 * tried around the pages too, since a hidden link is not security. The tests run in order, as a clinic's day does:
 * the admin invites a staff member, who then works, and the audit shows it all. Screenshots of each page at a desktop's
 * and a phone's width land in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final String CLINIC = "browser-clinic";
    private static final String OTHER_CLINIC = "browser-other";
    private static final String PASSWORD = "violet-harbour-lantern-42";
    private static final String SESSION = "__Host-aftercare-session";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

    private static LocalAftercare aftercare;
    private static ConsoleBrowser browser;
    private static String console;

    private static Person admin;
    private static Person otherAdmin;
    /** Invited by {@link #admin} in the first test. */
    private static Person staff;

    record Person(String id, String email, String clinic) {
    }

    @BeforeAll
    static void startTheSystemAndABrowser() throws Exception {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("console-browser-");
        Path logs = Path.of(System.getProperty("aftercare.logs", home.resolve("logs").toString()));
        Path cache = Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString()));
        aftercare = LocalAftercare.start(new LocalAftercare.Layout(repository, home.resolve("data"), cache, logs),
                InfrastructurePorts.random(), LocalAftercare.randomPorts(List.of(AftercareService.values())),
                System.out::println);
        console = aftercare.baseUrl(AftercareService.CONSOLE);
        browser = ConsoleBrowser.start(console, logs, Path.of("target", "screenshots"));
        admin = firstAdmin(CLINIC, "marta@browser-clinic.example");
        otherAdmin = firstAdmin(OTHER_CLINIC, "olga@browser-other.example");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (aftercare != null) {
            aftercare.close();
        }
    }

    /** A clinic admin signs in, invites a staff member through the users page; the staff member's link works once. */
    @Test
    @Order(1)
    void anAdminInvitesAStaffMemberWhoChoosesAPasswordAndSignsIn() throws Exception {
        browser.signIn(admin.email(), PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text()).contains(admin.email()).contains(CLINIC);

        browser.open("/users");
        String email = "nuria@browser-clinic.example";
        browser.type("invite-email", email);
        browser.type("invite-name", "Nuria Staff");
        browser.submit(By.cssSelector("form[action='/users'] button[type=submit]"));
        assertThat(browser.text()).contains(email);
        assertThat(browser.screenshots("users")).as("widths at which the users page overflows").isEmpty();

        String link = await("the invitation to " + email).atMost(Duration.ofSeconds(15)).pollInSameThread()
                .until(() -> aftercare.infrastructure().smtp().receivedBy(email).stream()
                        .map(LocalSmtp::textOf).map(ConsoleBrowserIT::linkIn).filter(Objects::nonNull)
                        .findFirst().orElse(null), Objects::nonNull);
        browser.forget();
        browser.open(link);
        browser.type("password", PASSWORD);
        browser.type("confirm", PASSWORD);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        browser.open(link);
        assertThat(browser.find(By.tagName("main")).getText()).as("a used link").doesNotContain(email);

        browser.signIn(email, PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text()).contains(email);
        staff = new Person(idOnUsersPage(email), email, CLINIC);
    }

    /** The server refuses the users page and its actions to staff: a direct GET and a forged POST, not just a link. */
    @Test
    @Order(2)
    void aStaffMemberIsRefusedTheSettingsByTheServer() {
        browser.forget();
        browser.signIn(staff.email(), PASSWORD);
        assertThat(browser.find(By.tagName("main")).findElements(By.cssSelector("a[href^='/users']")))
                .as("no link to the users page for staff").isEmpty();
        String cookie = browser.sessionCookie();
        String csrf = csrfOf(page(cookie, "/").asString());

        page(cookie, "/users").then().statusCode(403);
        form(cookie, csrf, "/users", Map.of("email", "intruder@example.com", "displayName", "Intruder", "role",
                "clinic-admin")).then().statusCode(403);
        form(cookie, csrf, "/users/" + admin.id() + "/disable", Map.of()).then().statusCode(403);
        browser.open("/users");
        assertThat(browser.text()).doesNotContain(admin.email());
    }

    /** A person of another clinic sees none of the first's people, and guessing their ids answers 404. */
    @Test
    @Order(3)
    void aPersonOfAnotherClinicSeesNothingOfTheFirstAndItsIdsAnswer404() {
        browser.forget();
        browser.signIn(otherAdmin.email(), PASSWORD);
        browser.open("/users");
        assertThat(browser.text()).contains(otherAdmin.email()).doesNotContain(admin.email())
                .doesNotContain(staff.email());
        String cookie = browser.sessionCookie();
        String csrf = csrfOf(page(cookie, "/users").asString());
        for (String action : List.of("disable", "reset")) {
            form(cookie, csrf, "/users/" + staff.id() + "/" + action, Map.of()).then().statusCode(404);
            form(cookie, csrf, "/users/" + UUID.randomUUID() + "/" + action, Map.of()).then().statusCode(404);
        }
        // Nothing happened to the staff member: they still sign in.
        given().baseUri(console).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", staff.email()).formParam("password", PASSWORD).post("/sign-in")
                .then().statusCode(303);
    }

    /** The audit trail names the right person for each change and each refusal tried above. */
    @Test
    @Order(4)
    void theAuditListsEachOfTheseChangesWithTheRightPerson() {
        List<Map<String, Object>> trail = operator().get("/v1/ops/audit?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", admin.id())
                .containsEntry("clinicId", CLINIC).containsEntry("role", "clinic-admin")
                .containsEntry("resource", "/users/" + staff.id()).containsEntry("status", 303));
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", staff.id())
                .containsEntry("resource", "/users/" + admin.id() + "/disable").containsEntry("status", 403));
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", otherAdmin.id())
                .containsEntry("resource", "/users/" + staff.id() + "/disable").containsEntry("status", 404));
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", staff.id())
                .containsEntry("resource", "/sign-in").containsEntry("status", 303));
    }

    private static Person firstAdmin(String clinic, String email) {
        var invited = operator().contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Admin of " + clinic))
                .post("/v1/admin/clinics/" + clinic + "/users").then().statusCode(201).extract().jsonPath();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("password", PASSWORD).formParam("confirm", PASSWORD)
                .post(invited.getString("inviteLink")).then().statusCode(303);
        return new Person(invited.getString("id"), email, clinic);
    }

    /** The person's id as the users page of their clinic's admin shows it ({@code li id="user-..."}). */
    private static String idOnUsersPage(String email) {
        String cookie = signInOverHttp(admin.email());
        Matcher matcher = Pattern.compile("<li id=\"user-([0-9a-f-]{36})\">\\s*<p><strong>[^<]*</strong>[^<]*<br>"
                + Pattern.quote(email)).matcher(page(cookie, "/users").asString());
        assertThat(matcher.find()).as(email + " on the users page").isTrue();
        return matcher.group(1);
    }

    private static String signInOverHttp(String email) {
        return given().baseUri(console).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", email).formParam("password", PASSWORD).post("/sign-in")
                .then().statusCode(303).extract().cookie(SESSION);
    }

    private static String linkIn(String text) {
        Matcher matcher = Pattern.compile("(http://\\S+/links/[A-Za-z0-9_-]+)").matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return matcher.group(1);
    }

    private static io.restassured.response.Response page(String cookie, String path) {
        return given().baseUri(console).redirects().follow(false).cookie(SESSION, cookie).get(path);
    }

    private static io.restassured.response.Response form(String cookie, String csrf, String path,
            Map<String, String> fields) {
        RequestSpecification request = given().baseUri(console).redirects().follow(false).cookie(SESSION, cookie)
                .contentType(ContentType.URLENC).formParam("csrf", csrf);
        fields.forEach(request::formParam);
        return request.post(path);
    }

    private static RequestSpecification operator() {
        return given().baseUri(console).auth().preemptive().basic("operator", aftercare.secrets().operatorPassword());
    }
}
