package io.aftercare.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.console.Role;
import io.aftercare.console.client.CareRecords;
import io.aftercare.console.model.BookingCare;
import io.aftercare.console.model.BookingMatches;
import io.aftercare.console.service.ConsoleAudit;
import io.aftercare.console.service.PatientTimelines;
import io.aftercare.console.service.Person;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The clinic's patients: a search by first name, phone number or booking id, and one booking's timeline. Staff and
 * clinic admins, of their own clinic only: the services are called as the person (their token names the clinic), so
 * another clinic's booking id is not found, whatever is typed. Every read is in the audit trail, with the person;
 * the typed search (a name, a number) is not.
 */
@Path("/patients")
@RolesAllowed({Role.STAFF, Role.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class PatientsResource {

    static final int PAGE = 20;
    static final int MAX_QUERY = 128;
    /** scheduling's booking ids; anything else names no booking and is not sent on. */
    private static final Pattern BOOKING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final SecurityIdentity identity;
    private final CareRecords records;
    private final ConsoleAudit audit;

    public PatientsResource(SecurityIdentity identity, CareRecords records, ConsoleAudit audit) {
        this.identity = identity;
        this.records = records;
        this.audit = audit;
    }

    @GET
    public Response search(@QueryParam("q") String q, @QueryParam("cursor") String cursor,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String language = Language.pick(lang, headers);
        Person person = Person.of(identity);
        ConsoleMessages msg = SignInResource.messages(language);
        if (q == null || q.isBlank()) {
            return Html.page(200, PatientPages.patients(language, person, "", null, null, null), language);
        }
        if (q.length() > MAX_QUERY || q.chars().anyMatch(Character::isISOControl)
                || (cursor != null && cursor.length() > 200)) {
            return searched(person, 400, PatientPages.patients(language, person, "", null, msg.tlSearchInvalid(), null),
                    language, request);
        }
        try {
            BookingMatches matches = records.search(person.clinicId(), q.strip(), PAGE, cursor);
            return searched(person, 200, PatientPages.patients(language, person, q, matches, null,
                    more(q, matches, language)), language, request);
        } catch (UnprocessableException e) {
            return searched(person, 400, PatientPages.patients(language, person, q, null, msg.tlSearchInvalid(), null),
                    language, request);
        } catch (CareRecords.Unavailable e) {
            return searched(person, 502, PatientPages.patients(language, person, q, null, msg.tlUnavailable(), null),
                    language, request);
        }
    }

    @GET
    @Path("{bookingId}")
    public Response timeline(@PathParam("bookingId") String bookingId, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String language = Language.pick(lang, headers);
        Person person = Person.of(identity);
        ConsoleMessages msg = SignInResource.messages(language);
        String resource = "/patients/" + (BOOKING_ID.matcher(bookingId).matches() ? bookingId : "-");
        int status = 200;
        try {
            if (!BOOKING_ID.matcher(bookingId).matches()) {
                throw new NotFoundProblem("No such booking in your clinic.");
            }
            BookingCare care = records.ofBooking(person.clinicId(), bookingId);
            return Html.page(status, PatientPages.timeline(language, person, PatientTimelines.build(care, language),
                    StateLabels.of(msg)), language);
        } catch (NotFoundProblem e) {
            status = 404;
            return Html.page(status, PatientPages.patients(language, person, "", null, msg.tlNotFound(), null),
                    language);
        } catch (CareRecords.Unavailable e) {
            status = 502;
            return Html.page(status, PatientPages.patients(language, person, "", null, msg.tlUnavailable(), null),
                    language);
        } finally {
            audit.byPerson(person, "GET", resource, status, SignInResource.source(request));
        }
    }

    /** Not signed in (or the session is over): to the sign-in page, rather than a 401 a browser cannot act on. */
    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }

    /** The next page's address, the search and cursor URL-encoded (a number's + is not a space). */
    static String more(String q, BookingMatches matches, String language) {
        if (matches.nextCursor() == null) {
            return null;
        }
        return "/patients?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&cursor="
                + URLEncoder.encode(matches.nextCursor(), StandardCharsets.UTF_8) + "&lang=" + language;
    }

    private Response searched(Person person, int status, io.quarkus.qute.TemplateInstance page, String language,
            HttpServerRequest request) {
        audit.byPerson(person, "GET", "/patients", status, SignInResource.source(request));
        return Html.page(status, page, language);
    }
}
