package io.aftercare.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Sign-in through a clinic's own provider, against a real Keycloak ({@link KeycloakTestResource}): the whole code flow
 * over HTTP as a browser goes through it (the sign-in page's link, the provider's login form, back to the console),
 * then the console's own session, the role the token's claim grants, and disabling in the console. The realm's client
 * requires PKCE with S256 ({@code pkce.code.challenge.method}), so that a flow without a challenge fails here.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
class ProviderSignInTest {

    private static final Logger LOG = Logger.getLogger(ProviderSignInTest.class);
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final String CLINIC = KeycloakTestResource.CLINIC;
    private static volatile boolean keycloakUp;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = KeycloakTestResource.ISSUER)
    String issuer;

    @ConfigProperty(name = KeycloakTestResource.LOG)
    String keycloakLog;

    @ConfigProperty(name = KeycloakTestResource.STARTED_AT)
    long keycloakStartedAt;

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    /** Keycloak was started with the test run, not waited for; the first test waits here, and says how long. */
    @BeforeEach
    void waitForKeycloak() {
        if (keycloakUp) {
            return;
        }
        long waitFrom = System.currentTimeMillis();
        Browser probe = new Browser();
        URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(250))
                .pollInSameThread()
                .alias("Keycloak answers at " + discovery + " (its output: " + keycloakLog + ")")
                .ignoreExceptions()
                .until(() -> probe.get(discovery).statusCode() == 200);
        long now = System.currentTimeMillis();
        LOG.infof("Keycloak answered %.1f s after it was started; this test waited %.1f s of it",
                (now - keycloakStartedAt) / 1000.0, (now - waitFrom) / 1000.0);
        keycloakUp = true;
    }

    @Test
    void theSignInPageLinksToTheClinicsProviderOnlyWhenAskedForThatClinic() {
        Browser browser = new Browser();
        String page = browser.get(console("/sign-in?clinic=" + CLINIC)).body();
        assertThat(page).contains("href=\"/sign-in/oidc/" + CLINIC + "\"").contains("Sign in with Clinic Keycloak");

        assertThat(browser.get(console("/sign-in")).body()).doesNotContain("/sign-in/oidc/");
        assertThat(browser.get(console("/sign-in?clinic=clinic-without-one")).body()).doesNotContain("/sign-in/oidc/");
        assertThat(browser.get(console("/sign-in/oidc/clinic-without-one")).statusCode()).isEqualTo(404);
        // The code flow's own path opens to nobody for a clinic without a provider.
        assertThat(browser.get(console("/oidc/clinic-without-one")).statusCode()).isIn(401, 403);
    }

    @Test
    void staffSignInThroughTheProviderIntoAConsoleSessionOfTheirOwn() throws SQLException {
        Browser browser = new Browser();
        HttpResponse<String> landed = signInThroughProvider(browser, "nurse", "nurse-keycloak-pass-7");

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.headers().firstValue("Refresh"))
                .hasValueSatisfying(refresh -> assertThat(refresh).startsWith("0; url=/"));
        String cookie = sessionCookieOf(landed);
        // Quarkus' own OIDC session is not kept: the console's session alone signs the person in from now on.
        assertThat(browser.cookies(console("/"))).noneSatisfy((name, value) -> assertThat(name).startsWith("q_"));

        Response home = Console.home(cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.asString()).contains("nurse@oidc-clinic.example").contains("Staff").contains(CLINIC);
        assertThat(Console.browser().cookie(Console.COOKIE, cookie).get("/users").statusCode()).isEqualTo(403);
        assertThat(stateOf("nurse@oidc-clinic.example")).isEqualTo("active staff " + CLINIC);

        // A second sign-in finds the same person by the provider's subject; it does not make another.
        String again = sessionCookieOf(signInThroughProvider(new Browser(), "nurse", "nurse-keycloak-pass-7"));
        assertThat(again).isNotEqualTo(cookie);
        assertThat(countOf("nurse@oidc-clinic.example")).isEqualTo(1);
        assertThat(audit.page(null, null, 50)).anySatisfy(line -> {
            assertThat(line.resource()).isEqualTo("/oidc/" + CLINIC);
            assertThat(line.role()).isEqualTo("staff");
            assertThat(line.clinicId()).isEqualTo(CLINIC);
            assertThat(line.status()).isEqualTo(303);
        });
    }

    @Test
    void anAdminOfTheProviderIsAClinicAdminAndDisablingSomeoneSignsThemOutAtTheirNextRequest() throws SQLException {
        String staff = sessionCookieOf(signInThroughProvider(new Browser(), "nurse2", "nurse2-keycloak-pass-7"));
        String admin = sessionCookieOf(signInThroughProvider(new Browser(), "boss", "boss-keycloak-pass-7"));

        Response users = Console.browser().cookie(Console.COOKIE, admin).get("/users");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.asString()).contains("nurse2@oidc-clinic.example");
        assertThat(Console.home(staff).statusCode()).isEqualTo(200);

        Console.SignedIn boss = new Console.SignedIn("boss@oidc-clinic.example", admin,
                Console.csrfOf(users.asString()));
        Response disabled = Console.post(boss, "/users/" + idOf("nurse2@oidc-clinic.example") + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(303);

        Response next = Console.home(staff);
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.header("Location")).contains("/sign-in");
        // The provider still signs her in, but the console does not let her back.
        HttpResponse<String> refused = signInThroughProvider(new Browser(), "nurse2", "nurse2-keycloak-pass-7");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Console.COOKIE + "="));
    }

    @Test
    void anInvitedPersonIsFoundByTheirVerifiedEmailAndBecomesActive() throws SQLException {
        String admin = sessionCookieOf(signInThroughProvider(new Browser(), "boss", "boss-keycloak-pass-7"));
        Response users = Console.browser().cookie(Console.COOKIE, admin).get("/users");
        Console.SignedIn boss = new Console.SignedIn("boss@oidc-clinic.example", admin,
                Console.csrfOf(users.asString()));
        assertThat(Console.invite(boss, "nurse3@oidc-clinic.example", "staff").statusCode()).isEqualTo(303);
        String invited = idOf("nurse3@oidc-clinic.example");
        assertThat(stateOf("nurse3@oidc-clinic.example")).isEqualTo("invited staff " + CLINIC);

        String cookie = sessionCookieOf(signInThroughProvider(new Browser(), "nurse3", "nurse3-keycloak-pass-7"));

        assertThat(Console.home(cookie).statusCode()).isEqualTo(200);
        assertThat(idOf("nurse3@oidc-clinic.example")).isEqualTo(invited);
        assertThat(stateOf("nurse3@oidc-clinic.example")).isEqualTo("active staff " + CLINIC);
    }

    @Test
    void someoneTheProviderGivesNoConsoleRoleIsRefusedAndNoAccountIsMade() throws SQLException {
        HttpResponse<String> refused = signInThroughProvider(new Browser(), "visitor", "visitor-keycloak-pass-7");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("no console role");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Console.COOKIE + "="));
        assertThat(countOf("visitor@oidc-clinic.example")).isZero();
    }

    /** The sign-in page's link, the provider's login form, and back: the console's last answer. */
    private HttpResponse<String> signInThroughProvider(Browser browser, String username, String password) {
        HttpResponse<String> start = browser.get(console("/sign-in/oidc/" + CLINIC));
        assertThat(start.statusCode()).isEqualTo(303);
        HttpResponse<String> login = browser.follow(start);
        assertThat(login.uri().toString()).startsWith(issuer + "/protocol/openid-connect/auth");
        // The realm's client requires PKCE (S256): without a challenge Keycloak would show no login form.
        assertThat(login.uri().getRawQuery()).as("the authorization request")
                .containsPattern("(^|&)code_challenge=[A-Za-z0-9_-]{43}(&|$)")
                .containsPattern("(^|&)code_challenge_method=S256(&|$)")
                .containsPattern("(^|&)nonce=[^&]+");
        Matcher form = LOGIN_FORM.matcher(login.body());
        assertThat(form.find()).as("Keycloak's login form in %s", login.body()).isTrue();
        URI action = login.uri().resolve(form.group(1).replace("&amp;", "&"));
        HttpResponse<String> back = browser.post(action,
                Map.of("username", username, "password", password, "credentialId", ""));
        assertThat(back.statusCode()).as("Keycloak accepted the password: %s", back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(console("/oidc/" + CLINIC)
                .toString());
        return browser.follow(back);
    }

    private static String sessionCookieOf(HttpResponse<String> landed) {
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        String cookie = landed.headers()
                .allValues("Set-Cookie")
                .stream()
                .filter(c -> c.startsWith(Console.COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
        return cookie.substring(Console.COOKIE.length() + 1, cookie.indexOf(';'));
    }

    private URI console(String path) {
        return URI.create(root.toString()).resolve(path);
    }

    private String stateOf(String email) throws SQLException {
        return queryOne("SELECT state || ' ' || role || ' ' || clinic_id FROM console_user WHERE email = ?", email);
    }

    private String idOf(String email) throws SQLException {
        return queryOne("SELECT id::text FROM console_user WHERE email = ?", email);
    }

    private int countOf(String email) throws SQLException {
        return Integer.parseInt(queryOne("SELECT count(*)::text FROM console_user WHERE email = ?", email));
    }

    private String queryOne(String sql, String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
