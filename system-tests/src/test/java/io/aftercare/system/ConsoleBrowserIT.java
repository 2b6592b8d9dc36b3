package io.aftercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.MiddayZone;
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

    private static final String PATIENT = "+34612345611";

    private static String clinicKey;
    private static String bookingOfA;
    private static String urgentReplyId;
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
        clinicKey = scheduling().auth().preemptive().basic("operator", aftercare.secrets().operatorPassword())
                .post("/v1/admin/clinics/" + CLINIC + "/credentials").then().statusCode(201).extract().path("secret");
        scheduling().auth().preemptive().basic("operator", aftercare.secrets().operatorPassword())
                .contentType(ContentType.JSON).body("""
                        {"name": "Browser Clinic", "timeZone": "Europe/Madrid", "locale": "en",
                         "phone": "+34912345678", "alertEmail": "desk@browser-clinic.example"}
                        """).put("/v1/admin/clinics/" + CLINIC).then().statusCode(201);
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
        assertThat(browser.find(By.tagName("main")).findElements(By.cssSelector(
                "a[href^='/users'], a[href^='/settings'], a[href^='/audit']"))).as("no link to settings for staff")
                .isEmpty();
        String cookie = browser.sessionCookie();
        String csrf = csrfOf(page(cookie, "/").asString());

        page(cookie, "/users").then().statusCode(403);
        form(cookie, csrf, "/users", Map.of("email", "intruder@example.com", "displayName", "Intruder", "role",
                "clinic-admin")).then().statusCode(403);
        form(cookie, csrf, "/users/" + admin.id() + "/disable", Map.of()).then().statusCode(403);
        page(cookie, "/settings").then().statusCode(403);
        form(cookie, csrf, "/settings/profile", Map.of("name", "Taken over", "timeZone", "Europe/Madrid", "locale",
                "en", "phone", "+34912345678")).then().statusCode(403);
        page(cookie, "/settings/keys").then().statusCode(403);
        form(cookie, csrf, "/settings/keys", Map.of()).then().statusCode(403);
        page(cookie, "/audit").then().statusCode(403);
        browser.open("/users");
        assertThat(browser.text()).doesNotContain(admin.email());
    }

    /**
     * A patient's urgent text reaches a staff member's open inbox within 5 s, without a reload; they read the
     * conversation, answer it (the answer reaches the SMS provider once) and mark it handled.
     */
    @Test
    @Order(3)
    void aStaffMemberSeesAnUrgentReplyArriveAnswersItAndMarksItHandled() throws Exception {
        bookingOfA = bookAndAwaitText("browser-1");
        browser.forget();
        browser.signIn(staff.email(), PASSWORD);
        browser.open("/inbox");
        awaitLiveInbox();
        long texted = System.nanoTime();
        patientTexts("I have a fever and there is pus on my cheek");
        WebElement card = new WebDriverWait(browser.driver(), Duration.ofSeconds(5), Duration.ofMillis(50))
                .until(d -> d.findElements(By.cssSelector("#inbox li.reply.urgent")).stream().findFirst()
                        .orElse(null));
        System.out.printf("CONSOLE the urgent reply shown %d ms after the patient's text, without a reload%n",
                (System.nanoTime() - texted) / 1_000_000);
        urgentReplyId = card.getAttribute("data-reply-id");
        assertThat(card.getText()).contains("Lucia").contains("fever");
        assertThat(browser.find(By.id("urgent-banner")).isDisplayed()).isTrue();
        assertThat(browser.screenshots("inbox")).as("widths at which the inbox overflows").isEmpty();

        // A second, ordinary text: marked handled from the list, it leaves the open replies.
        patientTexts("Can I wear makeup tomorrow?");
        WebElement ordinary = new WebDriverWait(browser.driver(), Duration.ofSeconds(5), Duration.ofMillis(50))
                .until(d -> d.findElements(By.cssSelector("#inbox li.reply:not(.urgent)")).stream()
                        .filter(reply -> reply.getText().contains("makeup")).findFirst().orElse(null));
        String ordinaryId = ordinary.getAttribute("data-reply-id");
        browser.submit(By.cssSelector("#reply-" + ordinaryId + " .mark-handled"));
        assertThat(browser.driver().findElements(By.id("reply-" + ordinaryId))).as("still open").isEmpty();
        browser.open("/inbox/" + ordinaryId);
        assertThat(browser.find(By.cssSelector("#reply-" + ordinaryId + " .handled-by")).getText())
                .contains("Nuria Staff");

        // The urgent one: the conversation, and an answer, which handles it.
        browser.open("/inbox/" + urgentReplyId);
        assertThat(browser.find(By.id("conversation")).getText()).contains("Hi Lucia").contains("fever");
        String answer = "Hi Lucia, we are calling you now. " + UUID.randomUUID().toString().substring(0, 8);
        browser.type("reply-text", answer);
        browser.submit(By.id("send-reply"));
        assertThat(awaitProviderMessages(answer)).as("texts with the answer at the provider").isEqualTo(1);
        assertThat(browser.find(By.cssSelector("#reply-" + urgentReplyId + " .handled-by")).getText())
                .contains("Nuria Staff");
        assertThat(awaitProviderMessages(answer)).as("the answer, still once").isEqualTo(1);
    }

    /** Until the inbox's live stream has delivered its first counts (the script rewrites the count line then). */
    private static void awaitLiveInbox() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5), Duration.ofMillis(50))
                .until(d -> !d.findElement(By.id("open-count")).getText().contains(" · "));
    }

    private static String bookAndAwaitText(String reference) {
        String path = "/v1/clinics/" + CLINIC + "/bookings/" + reference;
        String id = scheduling().auth().preemptive().basic(CLINIC, clinicKey).contentType(ContentType.JSON)
                .body(booking()).put(path).then().statusCode(201).extract().path("id");
        await("a text of booking " + id + " recorded as sent").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> given().baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION)).auth().preemptive()
                        .basic(CLINIC, clinicKey).queryParam("bookingId", id)
                        .get("/v1/clinics/" + CLINIC + "/deliveries").jsonPath()
                        .getList("findAll { it.channel == 'sms' && (it.status == 'sent' || it.status == 'delivered') }")
                        .isEmpty() ? null : id, Objects::nonNull);
        return id;
    }

    private static String booking() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return booking(MiddayZone.now(), end);
    }

    private static String booking(String zone, OffsetDateTime end) {
        return """
                {
                  "patient": {"firstName": "Lucia", "phone": "%s", "email": "lucia@example.com",
                              "locale": "en", "timeZone": "%s", "preferredChannel": "sms",
                              "consent": {"sms": true, "email": true}},
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(PATIENT, zone, end.minusMinutes(45), end);
    }

    /** The patient texts the clinic's sender, as Twilio posts it: form-encoded and signed with the auth token. */
    private static void patientTexts(String body) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", PATIENT);
        form.put("To", "+15005550006");
        form.put("Body", body);
        String inbound = aftercare.baseUrl(AftercareService.NOTIFICATION) + "/v1/webhooks/twilio/inbound";
        StringBuilder signed = new StringBuilder(inbound);
        new java.util.TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                aftercare.secrets().twilioAuthToken().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        given().contentType(ContentType.URLENC).formParams(form)
                .header("X-Twilio-Signature", java.util.Base64.getEncoder()
                        .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8))))
                .post(inbound).then().statusCode(200);
    }

    /** How many texts with this body the console SMS provider holds, once there is one. */
    private static int awaitProviderMessages(String body) {
        return await("a text \"" + body + "\" at the provider").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> given().baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION)).auth().preemptive()
                        .basic("operator", aftercare.secrets().operatorPassword())
                        .get("/v1/console/messages?limit=50").jsonPath().<String>getList("body").stream()
                        .filter(body::equals).count(), count -> count > 0)
                .intValue();
    }

    /** The booking's timeline, found by the patient's name: the whole plan, each delivery's state, and the reply. */
    @Test
    @Order(4)
    void theTimelineShowsTheWholePlanAndEachDeliverysState() throws Exception {
        browser.forget();
        browser.signIn(staff.email(), PASSWORD);
        browser.open("/patients?q=Lucia");
        assertThat(browser.driver().findElements(By.cssSelector("#results li.match[data-booking='browser-1']")))
                .as("the booking among the search's results").isNotEmpty();
        browser.open("/patients/browser-1");
        List<String> plan = scheduling().auth().preemptive().basic(CLINIC, clinicKey)
                .get("/v1/clinics/" + CLINIC + "/bookings/browser-1").then().statusCode(200).extract().jsonPath()
                .getList("reminders.ruleKey");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline li.entry.moment")))
                .extracting(moment -> moment.getAttribute("data-rule")).as("every moment of the plan")
                .containsAll(plan).hasSameSizeAs(plan);
        assertThat(browser.driver().findElements(By.cssSelector("#timeline .delivery .delivery-state")))
                .extracting(state -> state.getAttribute("data-state")).as("the deliveries' states").contains("sent");
        assertThat(browser.find(By.cssSelector("#timeline li.entry[data-kind='reply']")).getText()).contains("fever");
        assertThat(browser.screenshots("timeline")).as("widths at which the timeline overflows").isEmpty();
    }

    /** A clinic admin changes the send window on the settings page; the next booking's plan keeps to it. */
    @Test
    @Order(5)
    void aClinicAdminChangesTheSendWindowAndTheNextPlanFollowsIt() throws Exception {
        assertThat(plannedLocalTimes("browser-before")).as("the plan before: some texts outside 09:00-13:00")
                .anyMatch(time -> time.isBefore(LocalTime.of(9, 0)) || time.isAfter(LocalTime.of(13, 0)));
        browser.forget();
        browser.signIn(admin.email(), PASSWORD);
        browser.open("/settings");
        browser.driver().executeScript("arguments[0].value = '09:00'; arguments[1].value = '13:00';",
                browser.find(By.id("send-window-start")), browser.find(By.id("send-window-end")));
        browser.submit(By.id("save-profile"));
        assertThat(browser.text()).doesNotContain("must ");
        assertThat(scheduling().auth().preemptive().basic("operator", aftercare.secrets().operatorPassword())
                .get("/v1/admin/clinics/" + CLINIC).then().statusCode(200).extract().jsonPath()
                .getString("sendWindow.start")).isEqualTo("09:00");
        assertThat(browser.screenshots("settings")).as("widths at which the settings overflow").isEmpty();

        assertThat(plannedLocalTimes("browser-after")).as("the next plan's local times").isNotEmpty()
                .allMatch(time -> !time.isBefore(LocalTime.of(9, 0)) && !time.isAfter(LocalTime.of(13, 0)));

        // Nothing is sent for it for two days: notification has nothing of it and answers 404, read as no messages.
        String after = scheduling().auth().preemptive().basic(CLINIC, clinicKey)
                .get("/v1/clinics/" + CLINIC + "/bookings/browser-after").then().statusCode(200).extract().path("id");
        given().baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION)).auth().preemptive().basic(CLINIC, clinicKey)
                .queryParam("bookingId", after).get("/v1/clinics/" + CLINIC + "/conversations").then().statusCode(404);
        browser.open("/patients/browser-after");
        assertThat(browser.driver().findElements(By.cssSelector("#timeline li.entry.moment")))
                .as("the timeline of a booking nothing was sent for yet").isNotEmpty();
    }

    /** A booking two days ahead, ending at 10:30 in Madrid: its planned texts' local times. */
    private static List<LocalTime> plannedLocalTimes(String reference) {
        ZonedDateTime end = ZonedDateTime.now(ZoneId.of("Europe/Madrid")).plusDays(2).withHour(10).withMinute(30)
                .truncatedTo(ChronoUnit.MINUTES);
        String body = booking("Europe/Madrid", end.toOffsetDateTime());
        List<String> local = scheduling().auth().preemptive().basic(CLINIC, clinicKey).contentType(ContentType.JSON)
                .body(body).put("/v1/clinics/" + CLINIC + "/bookings/" + reference).then().statusCode(201)
                .extract().jsonPath().getList("reminders.findAll { it.state == 'planned' }.dueLocal");
        return local.stream().map(LocalDateTime::parse).map(LocalDateTime::toLocalTime).toList();
    }

    private static RequestSpecification scheduling() {
        return given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING));
    }

    /** A person of another clinic sees none of the first's people, and guessing their ids answers 404. */
    @Test
    @Order(6)
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
        page(cookie, "/inbox/" + urgentReplyId).then().statusCode(404);
        page(cookie, "/patients/browser-1").then().statusCode(404);
        page(cookie, "/patients/" + bookingOfA).then().statusCode(404);
        form(cookie, csrf, "/inbox/" + urgentReplyId + "/handled", Map.of()).then().statusCode(404);
        form(cookie, csrf, "/inbox/" + urgentReplyId + "/reply", Map.of("text", "guessing")).then().statusCode(404);
        browser.open("/inbox?state=handled");
        assertThat(browser.text()).doesNotContain("Lucia");
        // Nothing happened to the staff member: they still sign in.
        given().baseUri(console).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", staff.email()).formParam("password", PASSWORD).post("/sign-in")
                .then().statusCode(303);
    }

    /** The audit trail names the right person for each change and each refusal tried above. */
    @Test
    @Order(7)
    void theAuditListsEachOfTheseReadsAndChangesWithTheRightPerson() throws Exception {
        List<Map<String, Object>> trail = operator().get("/v1/ops/audit?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        // The invitation: one line naming the admin, their role and clinic (its path, /users or the new person's).
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", admin.id())
                .containsEntry("clinicId", CLINIC).containsEntry("role", "clinic-admin").containsEntry("action", "POST")
                .containsEntry("status", 303).extracting("resource").asString().startsWith("/users"));
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", staff.id())
                .containsEntry("resource", "/users/" + admin.id() + "/disable").containsEntry("status", 403));
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", otherAdmin.id())
                .containsEntry("resource", "/users/" + staff.id() + "/disable").containsEntry("status", 404));
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("actor", staff.id())
                .containsEntry("resource", "/sign-in").containsEntry("status", 303));

        // The clinic admin's audit page: the staff member's read of the conversation and answer, the admin's change.
        browser.forget();
        browser.signIn(admin.email(), PASSWORD);
        browser.open("/audit");
        List<String> rows = browser.driver().findElements(By.cssSelector(".audit-row")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).anyMatch(row -> row.contains("Nuria Staff") && row.contains("GET /inbox/" + urgentReplyId));
        assertThat(rows).anyMatch(row -> row.contains("Nuria Staff") && row.contains("/inbox/" + urgentReplyId
                + "/reply"));
        assertThat(rows).anyMatch(row -> row.contains("Nuria Staff") && row.contains("GET /patients/browser-1"));
        assertThat(rows).anyMatch(row -> row.contains("Admin of " + CLINIC) && row.contains("profile"));
        assertThat(String.join("\n", rows)).doesNotContain("olga@").doesNotContain("Admin of " + OTHER_CLINIC);
        assertThat(browser.screenshots("audit")).as("widths at which the audit page overflows").isEmpty();
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
