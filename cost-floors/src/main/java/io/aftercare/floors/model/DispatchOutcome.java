package io.aftercare.floors.model;

/**
 * What one {@code POST /floor/dispatch} did.
 *
 * @param error why the broker did not take a batch (that batch was rolled back), or null
 */
public record DispatchOutcome(int sent, boolean complete, String error) {
}
