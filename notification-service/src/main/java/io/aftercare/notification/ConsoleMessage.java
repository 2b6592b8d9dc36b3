package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

/** A text the console provider "sent", kept so that a person can see what the patient would have received. */
public record ConsoleMessage(UUID id, String recipient, String body, String reference, Instant sentAt) {
}
