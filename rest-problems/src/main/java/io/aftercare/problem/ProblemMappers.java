package io.aftercare.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves this service as application/problem+json, naming each bad field at once. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations()
                .stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "Invalid request", "The request has " + errors.size() + " invalid field(s).", uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath()
                    .stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            errors = List.of(new Problem.FieldError(field, describe(mapping)));
        }
        return problem(400, "Malformed JSON", "The body is not JSON of the expected shape.", uri, errors);
    }

    /** What is wrong with the field, in words a clinic's integrator can act on; never the value itself. */
    private static String describe(JsonMappingException mapping) {
        String said = mapping.getOriginalMessage();
        if (said != null && said.startsWith("must ")) {
            return said;
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> type = mismatched.getTargetType();
            if (type.isEnum()) {
                return "must be one of the accepted values (a JSON string)";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "must be true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "must be a JSON number";
            }
        }
        return "has the wrong type or format";
    }

    /** Takes precedence over Quarkus' built-in mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        return problem(status, Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "Unauthorized", "This endpoint needs credentials.", uri, List.of()))
                .header("WWW-Authenticate", "Basic realm=\"aftercare\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "Your credentials do not allow this.", uri, List.of());
    }

    /** A request that is well-formed but breaks a rule of the domain. */
    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    /** Anything unexpected: logged with an id the caller can quote, never a stack trace in the answer. */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return problem(500, "Internal Server Error", "Unexpected error; quote error id " + errorId + ".", uri,
                List.of());
    }

    static Response problem(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri.getPath(), errors))
                .build();
    }

    /**
     * {@code upsert.request.patient.phone} becomes {@code patient.phone}, and an element of a list or a map's key is
     * named by its place ({@code webhooks[0].events[1]}, {@code helpTexts[spanish]}): the client knows no Java names.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        if (nodes.size() <= 2) {
            return nodes.get(nodes.size() - 1).getName();
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes.subList(2, nodes.size())) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.toString();
    }
}
