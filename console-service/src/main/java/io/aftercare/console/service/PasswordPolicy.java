package io.aftercare.console.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aftercare.console.config.ConsoleConfig;

/**
 * What a new password must be: 12 to 128 characters, not one of the most common passwords (the list shipped in
 * {@code common-passwords.txt}, also refused repeated or padded with digits and punctuation), not mostly one
 * character, and not holding the person's email name. No composition rules (NIST SP 800-63B): length and the list do
 * the work.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** Why a password was refused; each has a message in the console's languages. */
    public enum Refusal {
        TOO_SHORT, TOO_LONG, COMMON, CONTAINS_EMAIL
    }

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    @Inject
    public PasswordPolicy(ConsoleConfig config) {
        this(config.passwords().minLength(), config.passwords().maxLength());
    }

    public PasswordPolicy(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.common = load();
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Empty when the password may be used by the person with this email. */
    public Optional<Refusal> check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of(Refusal.TOO_SHORT);
        }
        if (password.codePointCount(0, password.length()) > maxLength) {
            return Optional.of(Refusal.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            return Optional.of(Refusal.COMMON);
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (name.length() >= 3 && lower.contains(name)) {
            return Optional.of(Refusal.CONTAINS_EMAIL);
        }
        return Optional.empty();
    }

    private boolean isCommon(String lower) {
        if (common.contains(lower) || lower.chars().distinct().count() < 4) {
            return true;
        }
        // A common password with digits or punctuation before or after it ("password123456", "!!dragon2024!!").
        String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (!core.isEmpty() && common.contains(core)) {
            return true;
        }
        // A common password repeated ("dragondragon").
        for (int size = 1; size <= lower.length() / 2; size++) {
            if (lower.length() % size == 0 && lower.equals(lower.substring(0, size).repeat(lower.length() / size))
                    && common.contains(lower.substring(0, size))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
