package io.aftercare.notification.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text, in hex: how a phone number travels as a Kafka key, and how a checked API key is remembered,
 * without either being kept as it is. (Scheduling hashes the keys it stores with its own, byte-wise helper: the
 * services share no runtime code but the REST problem answers.)
 */
public final class Hashing {

    private Hashing() {
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
