package io.aftercare.console.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aftercare.problem.Problem;

/**
 * A form's field errors, by the form's field name, as a service's problem+json named them (its JSON paths mapped to
 * the form's fields) and in the page's language ({@link FieldErrorTexts}); shown next to each field, the rest in a
 * list at the top.
 */
public record FieldErrors(Map<String, String> byField, List<String> others) {

    public static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

    /**
     * @param fields the service's field names (or their first segment) mapped to the form's
     * @param language the page's, {@code en} or {@code es}
     */
    static FieldErrors of(List<Problem.FieldError> errors, Map<String, String> fields, String language) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> others = new java.util.ArrayList<>();
        for (Problem.FieldError error : errors) {
            String field = error.field() == null ? "" : error.field();
            String message = FieldErrorTexts.in(language, error.message());
            String formField = fields.get(field);
            if (formField == null) {
                formField = fields.get(field.split("[.\\[]", 2)[0]);
            }
            if (formField == null) {
                others.add(field + ": " + message);
            } else {
                byField.merge(formField, message, (a, b) -> a + "; " + b);
            }
        }
        return new FieldErrors(Map.copyOf(byField), List.copyOf(others));
    }

    /** The error of one field of the form, or null. */
    public String of(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty() || !others.isEmpty();
    }
}
