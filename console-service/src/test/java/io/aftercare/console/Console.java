package io.aftercare.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import io.aftercare.console.security.SessionAuthenticationMechanism;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What the console's tests do again and again: a clinic's admin invited by the operator, signing in, forms. */
public final class Console {

    public static final String COOKIE = SessionAuthenticationMechanism.COOKIE;
    /** Long, uncommon, and naming no email: the policy accepts it. */
    public static final String GOOD_PASSWORD = "violet-harbour-lantern-42";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

    /** A signed-in browser: its session cookie, and the CSRF token its pages carry. */
    public record SignedIn(String email, String cookie, String csrf) {
    }

    /** An invited person: their email and the one-time link's token. */
    public record Invited(UUID id, String clinicId, String email, String token) {
    }

    private Console() {
    }

    public static String newClinic() {
        return "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newEmail() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example";
    }

    /** An address of a documentation range, new each time, sent as X-Forwarded-For (the test profile trusts it). */
    public static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static RequestSpecification browser() {
        return given().redirects().follow(false).header("X-Forwarded-For", address());
    }

    public static RequestSpecification asOperator() {
        return given().redirects()
                .follow(false)
                .auth()
                .preemptive()
                .basic("operator", ConfigProvider.getConfig().getValue("aftercare.operator.password", String.class));
    }

    /** The clinic's first admin, invited by the operator through the bootstrap API. */
    /**
     * The name an admin invited by {@link #inviteAdmin} is given: the whole of the address's random part, so that two
     * admins' names differ (the first eight characters, "person-" and one hex digit, were the same for one pair in 16).
     */
    public static String adminName(String email) {
        return "Admin " + email.substring(0, email.indexOf('@'));
    }

    public static Invited inviteAdmin(String clinicId, String email) {
        Response answer = asOperator().contentType("application/json")
                .body(Map.of("email", email, "displayName", adminName(email)))
                .post("/v1/admin/clinics/{clinicId}/users", clinicId);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        return new Invited(UUID.fromString(answer.path("id")), clinicId, email, tokenOf(answer.path("inviteLink")));
    }

    public static String tokenOf(String link) {
        return link.substring(link.indexOf("/links/") + "/links/".length()).strip();
    }

    public static Response choosePassword(String token, String password) {
        return browser().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("password", password)
                .formParam("confirm", password)
                .post("/links/{token}", token);
    }

    /** A clinic with an active admin, signed in. */
    public static SignedIn adminOfNewClinic() {
        Invited admin = inviteAdmin(newClinic(), newEmail());
        assertThat(choosePassword(admin.token(), GOOD_PASSWORD).statusCode()).isEqualTo(303);
        return signIn(admin.email(), GOOD_PASSWORD);
    }

    public static Response attemptSignIn(String email, String password, String address) {
        return given().redirects()
                .follow(false)
                .header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("email", email)
                .formParam("password", password)
                .post("/sign-in");
    }

    public static SignedIn signIn(String email, String password) {
        Response answer = attemptSignIn(email, password, address());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
        String cookie = answer.getCookie(COOKIE);
        assertThat(cookie).isNotBlank();
        return new SignedIn(email, cookie, csrfOf(home(cookie).asString()));
    }

    public static Response home(String cookie) {
        return browser().cookie(COOKIE, cookie).get("/");
    }

    public static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field in " + page).isTrue();
        return matcher.group(1);
    }

    /** A form posted by a signed-in browser with its CSRF token. */
    public static Response post(SignedIn who, String path, Map<String, String> fields) {
        RequestSpecification request = browser().cookie(COOKIE, who.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", who.csrf());
        fields.forEach(request::formParam);
        return request.post(path);
    }

    /** Invites a person to the admin's clinic through the users page; the token comes from the email. */
    public static Response invite(SignedIn admin, String email, String role) {
        return post(admin, "/users", Map.of("email", email, "displayName", "Person " + email.substring(0, 8), "role",
                role));
    }
}
