package io.aftercare.guidance.model;

/**
 * The words of a rule in one language. Placeholders are {@code {firstName}} and {@code {clinicName}}, and any
 * protocol parameter such as {@code {sunAvoidanceHours}}. The SMS names no treatment or condition; the email carries
 * the full advice and the reason for it.
 */
public record Template(String sms, String emailSubject, String emailBody) {
}
