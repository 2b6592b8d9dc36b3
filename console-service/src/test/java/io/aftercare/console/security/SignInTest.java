package io.aftercare.console.security;

import static io.aftercare.console.Console.GOOD_PASSWORD;
import static io.aftercare.console.Console.attemptSignIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditEntry;
import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.console.TestClock;
import io.aftercare.console.service.Tokens;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Signing in as people and attackers do: passwords are bcrypt at rest, the session cookie's attributes, refusals that
 * say nothing of which emails exist, the lockout with back-off, and the throttle per source address.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class SignInTest {

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theStoredPasswordIsBcryptNotThePassword() throws SQLException {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        assertThat(Console.choosePassword(admin.token(), GOOD_PASSWORD).statusCode()).isEqualTo(303);

        String stored = single("SELECT password_hash FROM console_user WHERE id = ?", admin.id());
        assertThat(stored).startsWith("$2a$06$").doesNotContain(GOOD_PASSWORD).hasSize(60);
        assertThat(BcryptUtil.matches(GOOD_PASSWORD, stored)).isTrue();
        assertThat(BcryptUtil.matches(GOOD_PASSWORD + "x", stored)).isFalse();
    }

    @Test
    void theSessionCookieIsHostOnlySecureHttpOnlyStrictAndOnlyItsHashIsStored() throws SQLException {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        Console.choosePassword(admin.token(), GOOD_PASSWORD);

        Response answer = attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/?lang=en");
        String setCookie = answer.header("Set-Cookie");
        assertThat(setCookie).startsWith("__Host-aftercare-session=")
                .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200")
                .doesNotContain("Domain");
        String token = answer.getCookie(Console.COOKIE);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(single("SELECT count(*) FROM console_session WHERE id_sha256 = ?", Tokens.sha256(token)))
                .isEqualTo("1");
        assertThat(single("SELECT count(*) FROM console_session WHERE id_sha256 = ?", token)).isEqualTo("0");

        Response home = Console.home(token);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.asString()).contains(admin.email(), admin.clinicId(), "Clinic admin");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAreRefusedAlikeAndAudited() {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        Console.choosePassword(admin.token(), GOOD_PASSWORD);

        Response wrong = attemptSignIn(admin.email(), "not-the-password-at-all", Console.address());
        Response unknown = attemptSignIn(Console.newEmail(), "not-the-password-at-all", Console.address());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.getCookie(Console.COOKIE)).isNull();
        assertThat(errorOf(wrong)).isEqualTo(errorOf(unknown)).contains("wrong");
        // The page keeps what was typed in the email field, never the password.
        assertThat(wrong.asString()).contains(admin.email()).doesNotContain("not-the-password-at-all");

        List<AuditEntry> lines = audit.page(admin.clinicId(), null, 10);
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.actor()).isEqualTo(admin.id().toString());
            assertThat(line.role()).isEqualTo("clinic-admin");
            assertThat(line.resource()).isEqualTo("/sign-in");
            assertThat(line.status()).isEqualTo(401);
        });
    }

    @Test
    void aSignInIsAuditedWithThePersonAndTheirClinic() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        String clinicId = clinicOf(admin);

        assertThat(audit.page(clinicId, null, 10)).anySatisfy(line -> {
            assertThat(line.resource()).isEqualTo("/sign-in");
            assertThat(line.status()).isEqualTo(303);
            assertThat(line.role()).isEqualTo("clinic-admin");
            assertThat(line.actor()).matches("[0-9a-f-]{36}");
        });
    }

    @Test
    void fiveFailuresLockTheAccountForAMinuteAndEachFurtherFailureDoublesIt() {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        Console.choosePassword(admin.token(), GOOD_PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(attemptSignIn(admin.email(), "wrong-password-" + i, Console.address()).statusCode())
                    .isEqualTo(401);
        }
        // Locked: the right password is refused too, and looks like any failure.
        assertThat(attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(401);

        clock.advance(Duration.ofSeconds(61));
        // The lock is over; one more failure locks it again, for 2 minutes now.
        assertThat(attemptSignIn(admin.email(), "wrong-password-5", Console.address()).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(61));
        assertThat(attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(60));
        assertThat(attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(303);

        // A good sign-in forgets the failures: four more do not lock.
        for (int i = 0; i < 4; i++) {
            attemptSignIn(admin.email(), "wrong-again-" + i, Console.address());
        }
        assertThat(attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(303);
    }

    @Test
    void theLockNeverExceedsAnHour() {
        Console.Invited admin = Console.inviteAdmin(Console.newClinic(), Console.newEmail());
        Console.choosePassword(admin.token(), GOOD_PASSWORD);
        // 5 failures: 1 min; then each failure right after a lock ends: 2, 4, 8, 16, 32, 60 (not 64) minutes.
        for (int i = 0; i < 5; i++) {
            attemptSignIn(admin.email(), "wrong-password-" + i, Console.address());
        }
        for (long minutes : new long[]{1, 2, 4, 8, 16, 32}) {
            clock.advance(Duration.ofMinutes(minutes).plusSeconds(1));
            attemptSignIn(admin.email(), "wrong-after-" + minutes, Console.address());
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode()).isEqualTo(303);
    }

    @Test
    void oneAddressThatFailsTooOftenIsRefusedWith429AndOthersAreNot() {
        String address = Console.address();
        int refusedAt = -1;
        Response refused = null;
        for (int i = 0; i < 40 && refusedAt < 0; i++) {
            Response answer = attemptSignIn(Console.newEmail(), "guess-" + i + "-password", address);
            if (answer.statusCode() == 429) {
                refusedAt = i;
                refused = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(401);
            }
        }
        // aftercare.logins.failures-per-address: 30 a minute.
        assertThat(refusedAt).isBetween(30, 31);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.asString()).contains("Too many failed sign-ins");
        // Another address is not affected.
        assertThat(attemptSignIn(Console.newEmail(), "guess-password", Console.address()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() {
        Response answer = Console.browser().header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("email", Console.newEmail())
                .formParam("password", GOOD_PASSWORD)
                .post("/sign-in");
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void theSignInPageSpeaksSpanishWhenAsked() {
        assertThat(Console.browser().header("Accept-Language", "es-ES,es;q=0.9").get("/sign-in").asString())
                .contains("<html lang=\"es\">", "Iniciar sesión", "<label for=\"email\">Correo electrónico</label>");
        assertThat(Console.browser().header("Accept-Language", "es").queryParam("lang", "en").get("/sign-in")
                .asString()).contains("<html lang=\"en\">", "<label for=\"password\">Password</label>");
    }

    @Test
    void pagesForbidFramingScriptsOfOtherOriginsAndCaching() {
        Response page = Console.browser().get("/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "form-action 'self'",
                "frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.asString()).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .doesNotContain("<script", "http://", "https://");
        assertThat(Console.browser().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    private static String errorOf(Response page) {
        String html = page.asString();
        int start = html.indexOf("role=\"alert\">");
        return html.substring(start, html.indexOf("</p>", start));
    }

    private String clinicOf(Console.SignedIn person) {
        try {
            return single("SELECT clinic_id FROM console_user WHERE email = ?", person.email());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String single(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter instanceof UUID ? parameter : parameter.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
