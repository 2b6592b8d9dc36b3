package io.aftercare.problem;

import java.util.List;

/**
 * A domain rule refused the request: answered as a problem with the given status (422 unless told otherwise) and the
 * fields at fault.
 */
public class UnprocessableException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public UnprocessableException(String title, String detail, List<Problem.FieldError> errors) {
        this(422, title, detail, errors);
    }

    public UnprocessableException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
