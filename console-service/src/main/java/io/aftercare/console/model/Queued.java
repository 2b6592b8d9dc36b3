package io.aftercare.console.model;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The text queued for the patient: its id among the booking's deliveries. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Queued(UUID deliveryId, String status) {
}
