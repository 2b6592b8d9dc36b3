package io.aftercare.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sits in front of every route: a request with Basic credentials for an account, or from an address, that failed too
 * often lately gets 429 with {@code Retry-After} and is not checked at all; any request with credentials that ends in
 * 401 counts as a failure of its account and address. Watching the answer rather than each identity provider means
 * every way of signing in (API keys, the operator's password, forwarded logins, embedded users) is throttled alike.
 */
@ApplicationScoped
public class FailedLoginGate {

    private static final Logger LOG = Logger.getLogger(FailedLoginGate.class);
    /** Before the security and REST handlers. */
    private static final int ORDER = -1_000;

    private final FailedLogins failures;

    public FailedLoginGate(FailedLogins failures) {
        this.failures = failures;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        Optional<String> account = basicUser(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (account.isEmpty()) {
            context.next();
            return;
        }
        String address = context.request().remoteAddress() == null ? null : context.request().remoteAddress().host();
        Optional<Duration> refused = failures.refusedFor(account.get(), address);
        if (refused.isPresent()) {
            long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
            context.response()
                    .setStatusCode(429)
                    .putHeader("Retry-After", Long.toString(seconds))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                            + "\"detail\":\"Too many failed sign-ins; try again in " + seconds + " s.\"}");
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                failures.failed(account.get(), address);
                LOG.debugf("failed sign-in as %s from %s", account.get(), address);
            }
        });
        context.next();
    }

    /** The user name of Basic credentials; what is not Basic is left to the security layer. */
    static Optional<String> basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // Bounded: a name is an account id, and the bucket cache keys on it.
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return Optional.of(user.length() > 64 ? user.substring(0, 64) : user);
        } catch (IllegalArgumentException e) {
            return Optional.of(""); // garbage credentials still count against their address
        }
    }
}
