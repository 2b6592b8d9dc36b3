package io.aftercare.notification.security;

/** Personal data as logs and ops screens may show it: enough to tell two apart, not enough to contact anyone. */
public final class Masking {

    private Masking() {
    }

    /** {@code +34612345678} becomes {@code +34*******78}. */
    public static String phone(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "***";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 2);
    }

    /**
     * Free text from outside (a provider's error message, say) with every phone number and email address in it
     * masked, so that it can be logged, stored as a reason and published.
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String phonesMasked = PHONE.matcher(text).replaceAll(match -> phone(match.group().replace(" ", "")));
        return EMAIL.matcher(phonesMasked).replaceAll(match -> email(match.group()));
    }

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?\\d[\\d ]{6,16}\\d");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
            .compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** {@code ana@example.com} becomes {@code a**@example.com}. */
    public static String email(String address) {
        int at = address == null ? -1 : address.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "*".repeat(Math.max(2, at - 1)) + address.substring(at);
    }
}
