package io.aftercare.console.client;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.aftercare.console.model.BookingCare;
import io.aftercare.console.model.BookingMatches;
import io.aftercare.console.model.BookingRecord;
import io.aftercare.console.model.ConversationRecord;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/**
 * What scheduling and notification know of a clinic's patients, read as the signed-in person. Their answers become
 * the console's: a booking they do not find (another clinic's id included) is not found here either, a refused
 * search keeps the fields they named; anything else (a service down, slow, or refusing the person's token) is
 * {@link Unavailable}, never a page half filled.
 */
@ApplicationScoped
public class CareRecords {

    private static final Logger LOG = Logger.getLogger(CareRecords.class);

    /** A service could not answer; the page says so and nothing is guessed. */
    public static class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String service, RuntimeException cause) {
            super(service + " could not be read", cause);
        }
    }

    private final SchedulingApi scheduling;
    private final NotificationApi notification;

    public CareRecords(@RestClient SchedulingApi scheduling, @RestClient NotificationApi notification) {
        this.scheduling = scheduling;
        this.notification = notification;
    }

    public BookingMatches search(String clinicId, String q, int limit, String cursor) {
        try {
            return scheduling.search(clinicId, q, limit, cursor);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                throw refused(e);
            }
            throw unavailable("scheduling", e);
        } catch (ProcessingException e) {
            throw unavailable("scheduling", e);
        }
    }

    /** The booking of the clinic with this id, its deliveries and its conversation. */
    public BookingCare ofBooking(String clinicId, String externalId) {
        BookingRecord booking;
        try {
            booking = scheduling.timeline(clinicId, externalId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFoundProblem("No such booking in your clinic.");
            }
            throw unavailable("scheduling", e);
        } catch (ProcessingException e) {
            throw unavailable("scheduling", e);
        }
        try {
            return new BookingCare(booking, notification.deliveries(clinicId, booking.id()),
                    conversation(booking.id(), () -> notification.conversation(clinicId, booking.id())));
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable("notification", e);
        }
    }

    /**
     * notification answers 404 for a booking it has nothing of in the clinic. Scheduling has just found this booking
     * in the clinic, so here that means nothing was sent or answered yet: an empty conversation, not a broken page.
     */
    static ConversationRecord conversation(UUID bookingId, Supplier<ConversationRecord> read) {
        try {
            return read.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new ConversationRecord(bookingId, List.of(), List.of());
            }
            throw e;
        }
    }

    private static UnprocessableException refused(WebApplicationException e) {
        List<Problem.FieldError> errors = List.of();
        try {
            Problem problem = e.getResponse().readEntity(Problem.class);
            errors = problem.errors() == null ? List.of() : problem.errors();
        } catch (RuntimeException unreadable) {
            LOG.debugf("a 400 from scheduling without a problem body: %s", unreadable.getMessage());
        }
        return new UnprocessableException(400, "Invalid request", "The search was refused.", errors);
    }

    private static Unavailable unavailable(String service, RuntimeException e) {
        // The status and class only: an answer's body may name a patient.
        LOG.warnf("%s could not be read: %s %s", service, e.getClass().getSimpleName(),
                e instanceof WebApplicationException w ? w.getResponse().getStatus() : "");
        return new Unavailable(service, e);
    }
}
