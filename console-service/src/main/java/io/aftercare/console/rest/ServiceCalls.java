package io.aftercare.console.rest;

import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.ForbiddenException;

/**
 * Calls to the other services on a person's behalf, their refusals turned into the console's own: not found stays
 * 404 (another clinic's ids included), a refusal of the person 403, a refused input the service's problem with its
 * field errors (for the form to show next to each field), and a service that cannot be reached or fails a 502 page
 * naming it. Nothing of the service's answer but its field errors reaches the browser.
 */
public final class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    /** A service did not answer, or failed: the page says which, and that nothing changed that it did not confirm. */
    public static class Unreachable extends RuntimeException {

        private final String service;

        Unreachable(String service, Throwable cause) {
            super(service + " cannot be reached", cause);
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    private ServiceCalls() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw refused(service, e);
        } catch (RuntimeException e) {
            // Only the type: a client's message may quote the URL called.
            LOG.warnf("%s cannot be reached: %s", service, e.getClass().getSimpleName());
            throw new Unreachable(service, e);
        }
    }

    static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }

    private static RuntimeException refused(String service, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return new NotFoundProblem("Not found in your clinic.");
        }
        if (status == 401 || status == 403) {
            return new ForbiddenException(service + " refused this to you.");
        }
        if (status == 400 || status == 409 || status == 422) {
            Problem problem = problemOf(e);
            return new UnprocessableException(status, problem == null ? "Refused" : problem.title(),
                    problem == null ? service + " refused the change." : problem.detail(),
                    problem == null || problem.errors() == null ? List.of() : problem.errors());
        }
        LOG.warnf("%s answered %d", service, status);
        return new Unreachable(service, e);
    }

    private static Problem problemOf(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(Problem.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @ServerExceptionMapper
    public Response unreachable(Unreachable e) {
        return Html.page(502, SettingsPages.unavailable("en", e.service()), "en");
    }
}
