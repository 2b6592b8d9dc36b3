package io.aftercare.floors.rest;

import java.sql.SQLException;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Bad input answers 400, never 500: JSON that does not parse or does not fit, a missing field, and a value the
 * database refuses (too long for its column: SQLSTATE class 22; a constraint: 23). A small problem document, not
 * rest-problems' field-by-field one: a benchmark tool's input is the benchmark's own.
 */
public class BadInput {

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return problem("the body is not the JSON expected: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response invalid(BadRequestException e) {
        return problem(e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return problem("the database refused a value: " + e.getMessage());
        }
        return Response.serverError().build();
    }

    private static Response problem(String detail) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(Map.of("status", 400, "title", "Bad Request", "detail", String.valueOf(detail)))
                .build();
    }
}
