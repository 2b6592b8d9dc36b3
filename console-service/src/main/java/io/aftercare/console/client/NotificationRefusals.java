package io.aftercare.console.client;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.UnprocessableException;

/**
 * notification's answers that are not a success, as the console's own exceptions: a reply of another clinic (or none)
 * is not found here either; a conflict (the patient opted out) and bad input keep their status; anything else means
 * the inbox cannot be reached now ({@link NotificationUnavailable}). notification's problem details are not passed on.
 */
final class NotificationRefusals {

    private NotificationRefusals() {
    }

    static RuntimeException of(Response response) {
        return switch (response.getStatus()) {
            case 404 -> new NotFoundProblem("No such reply in your clinic's inbox.");
            case 409 -> new UnprocessableException(409, "Conflict",
                    "The patient opted out of texts (STOP); they have to opt in again (START) first.", List.of());
            case 400 -> new UnprocessableException(400, "Bad Request", "notification refused the request.",
                    List.of());
            default -> new NotificationUnavailable(response.getStatus());
        };
    }
}
