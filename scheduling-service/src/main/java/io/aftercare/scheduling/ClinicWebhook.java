package io.aftercare.scheduling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One endpoint of a clinic's system that hears about failed deliveries and replies. The secret signs each call
 * (Standard Webhooks); it is written by the operator and never answered back.
 *
 * @param id stable for the same URL, so a clinic can tell its endpoints apart in the delivery log
 */
public record ClinicWebhook(String id, String url, String secret, List<String> events) {

    /** The events a clinic's endpoint can ask for, as the clinic-profile contract names them. */
    public static final List<String> EVENTS = List.of("delivery.failed", "patient.replied", "patient.opted-out",
            "reply.urgent");

    public static ClinicWebhook at(String url, String secret, List<String> events) {
        return new ClinicWebhook(idFor(url), url, secret, List.copyOf(events));
    }

    private static String idFor(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return "ep_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
