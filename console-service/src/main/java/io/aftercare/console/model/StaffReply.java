package io.aftercare.console.model;

/** An answer to the patient, by text, as notification takes it. */
public record StaffReply(String text) {
}
