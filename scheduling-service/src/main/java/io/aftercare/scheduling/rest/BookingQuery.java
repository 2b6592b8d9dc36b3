package io.aftercare.scheduling.rest;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.aftercare.scheduling.repository.BookingSearches.Criteria;

/**
 * What a person typed into the patient search, read as every kind of key it can be: a booking id (exact), a phone
 * number (normalised to E.164 and matched exactly, as numbers are stored) and the start of a first name. {@code 600123}
 * may be an id and a number at once; both are looked for.
 */
final class BookingQuery {

    static final int MAX_LENGTH = 128;

    private static final Pattern EXTERNAL_ID = Pattern.compile(BookingResource.EXTERNAL_ID);
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9 ().-]*");
    /** Letters, and the marks, spaces, apostrophes, dots and hyphens names have; at most a first name's length. */
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} '’.-]{0,19}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private BookingQuery() {
    }

    /**
     * @param region the clinic's country (from its profile's phone), for numbers typed without a country code; null
     *     when the clinic has no profile, and then only international numbers are understood
     * @throws IllegalArgumentException with the reason, when the text can be none of them
     */
    static Criteria parse(String q, String region) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("is required: a patient's first name, a phone number or a booking id");
        }
        if (q.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        String text = q.strip();
        Criteria criteria = new Criteria(EXTERNAL_ID.matcher(text).matches() ? text : null, phone(text, region),
                NAME.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null);
        if (criteria.externalId() == null && criteria.phone() == null && criteria.namePrefix() == null) {
            throw new IllegalArgumentException("must be a patient's first name, a phone number or a booking id");
        }
        return criteria;
    }

    /** The number in E.164 if the text is a valid one (international, 00-prefixed or national in the region). */
    static String phone(String text, String region) {
        if (!PHONE_LIKE.matcher(text).matches()) {
            return null;
        }
        long digits = text.chars().filter(Character::isDigit).count();
        if (digits < 6 || digits > 17) {
            return null;
        }
        String international = text.startsWith("00") ? "+" + text.substring(2) : text;
        try {
            PhoneNumber number = PHONES.parse(international, international.startsWith("+") ? null : region);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The region of a clinic's own number, such as {@code ES} for +34...; null when there is none. */
    static String regionOf(String clinicPhone) {
        if (clinicPhone == null) {
            return null;
        }
        try {
            return PHONES.getRegionCodeForNumber(PHONES.parse(clinicPhone, null));
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** {@code +34*******78}: enough for a person to tell two patients apart, not to text one. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 5) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }

    /** {@code a**@example.com}. */
    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "**" + email.substring(at);
    }
}
