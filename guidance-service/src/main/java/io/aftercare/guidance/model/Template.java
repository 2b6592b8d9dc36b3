package io.aftercare.guidance.model;

/**
 * The words of a rule in one language. Placeholders are {@code {firstName}}, {@code {clinicName}},
 * {@code {clinicPhone}} and any protocol parameter such as {@code {sunAvoidanceHours}}. {@code sms} is the rule's
 * tip: one short sentence that a care moment's text carries beside one other; it names no treatment or condition.
 * The email carries the full advice and the reason for it, as paragraphs of the moment's email.
 */
public record Template(String sms, String emailSubject, String emailBody) {
}
