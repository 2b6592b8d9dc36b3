package io.aftercare.problem;

import java.util.List;

/** What was asked for does not exist: a 404 problem that a service can throw without knowing JAX-RS. */
public class NotFoundProblem extends UnprocessableException {

    public NotFoundProblem(String detail) {
        super(404, "Not Found", detail, List.of());
    }
}
