package io.aftercare.console.security;

import static io.aftercare.console.Console.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.Console;
import io.aftercare.console.TestClock;
import io.aftercare.console.service.Tokens;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Server-side sessions: the idle timeout and the absolute expiry (the clock moved), sign-out of one browser and of
 * all, a disabled person refused at their next request, and the CSRF token on every change.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class SessionTest {

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withoutASessionThePagesSendTheBrowserToSignIn() {
        assertRefused(Console.browser().get("/"));
        assertRefused(Console.browser().cookie(Console.COOKIE, "not-a-session").get("/"));
        assertRefused(Console.browser().cookie(Console.COOKIE, Tokens.random()).get("/"));
        assertRefused(Console.browser().get("/users"));
        // The page's style sheet is not behind the sign-in.
        assertThat(Console.browser().get("/console/console.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionUnusedFor30MinutesIsOver() {
        Console.SignedIn admin = Console.adminOfNewClinic();

        clock.advance(Duration.ofMinutes(29));
        assertThat(Console.home(admin.cookie()).statusCode()).isEqualTo(200);
        // Used just now: 29 more minutes are fine, 30 since the last request are not.
        clock.advance(Duration.ofMinutes(29));
        assertThat(Console.home(admin.cookie()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertRefused(Console.home(admin.cookie()));
        // And it stays over.
        clock.advance(Duration.ofMinutes(-40));
        assertRefused(Console.home(admin.cookie()));
    }

    @Test
    void aSessionIsOver12HoursAfterSignInHoweverBusy() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(Console.home(admin.cookie()).statusCode()).as("after %d min", (i + 1) * 20).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20)); // 12 h since sign-in
        assertRefused(Console.home(admin.cookie()));
    }

    @Test
    void signingOutEndsThisBrowsersSessionOnly() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn otherBrowser = Console.signIn(admin.email(), GOOD_PASSWORD);

        Response out = Console.post(admin, "/sign-out", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).contains("/sign-in");
        assertThat(out.header("Set-Cookie")).startsWith(Console.COOKIE + "=;").contains("Max-Age=0");
        assertRefused(Console.home(admin.cookie()));
        assertThat(Console.home(otherBrowser.cookie()).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfThePersonAndIsAudited() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn second = Console.signIn(admin.email(), GOOD_PASSWORD);
        Console.SignedIn third = Console.signIn(admin.email(), GOOD_PASSWORD);

        assertThat(Console.post(second, "/sign-out-everywhere", Map.of()).statusCode()).isEqualTo(303);

        assertRefused(Console.home(admin.cookie()));
        assertRefused(Console.home(second.cookie()));
        assertRefused(Console.home(third.cookie()));
        assertThat(audit.page(null, null, 50)).anySatisfy(line -> {
            assertThat(line.resource()).isEqualTo("/sign-out-everywhere");
            assertThat(line.role()).isEqualTo("clinic-admin");
            assertThat(line.clinicId()).startsWith("clinic-");
            assertThat(line.status()).isEqualTo(303);
        });
    }

    @Test
    void aDisabledPersonIsSignedOutAtTheirNextRequest() throws SQLException {
        Console.SignedIn admin = Console.adminOfNewClinic();
        assertThat(Console.home(admin.cookie()).statusCode()).isEqualTo(200);

        // Disabled behind the console's back: the session row is still there, the state is checked on each request.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE console_user SET state = 'disabled' WHERE email = ?")) {
            update.setString(1, admin.email());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertRefused(Console.home(admin.cookie()));
        assertThat(Console.attemptSignIn(admin.email(), GOOD_PASSWORD, Console.address()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn other = Console.adminOfNewClinic();

        Response missing = Console.browser().cookie(Console.COOKIE, admin.cookie())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("lang", "en")
                .post("/sign-out-everywhere");
        Response wrong = Console.post(new Console.SignedIn(admin.email(), admin.cookie(), Tokens.random()),
                "/sign-out", Map.of());
        // Another session's token does not do either.
        Response othersToken = Console.post(new Console.SignedIn(admin.email(), admin.cookie(), other.csrf()),
                "/sign-out", Map.of());

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(othersToken.statusCode()).isEqualTo(403);
        assertThat(Console.home(admin.cookie()).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeFromAnotherSiteIsRefusedEvenWithTheToken() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Response answer = Console.browser().cookie(Console.COOKIE, admin.cookie())
                .header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", admin.csrf())
                .post("/sign-out-everywhere");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(Console.home(admin.cookie()).statusCode()).isEqualTo(200);
    }

    private static void assertRefused(Response answer) {
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).contains("/sign-in");
    }
}
