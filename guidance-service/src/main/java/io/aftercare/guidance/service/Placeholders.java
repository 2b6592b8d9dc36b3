package io.aftercare.guidance.service;

import java.util.HashMap;
import java.util.Map;

/**
 * The values a template can use: the patient's first name, the clinic's name and phone number, and the protocol's
 * parameters.
 */
public final class Placeholders {

    public static final String FIRST_NAME = "firstName";
    public static final String CLINIC_NAME = "clinicName";
    public static final String CLINIC_PHONE = "clinicPhone";
    /** E.164 allows 15 digits after the plus. */
    public static final int CLINIC_PHONE_MAX = 16;
    /** The longest first name and clinic name the APIs accept; every SMS must fit one segment with them. */
    public static final int FIRST_NAME_MAX = 20;
    public static final int CLINIC_NAME_MAX = 24;
    public static final String DEFAULT_CLINIC_NAME = "your clinic";
    private static final Map<String, String> DEFAULT_CLINIC_NAMES = Map.of("en", DEFAULT_CLINIC_NAME, "es",
            "tu clínica");

    private Placeholders() {
    }

    public static Map<String, String> of(String firstName, String clinicName, Map<String, Integer> parameters) {
        return of(firstName, clinicName, null, parameters);
    }

    public static Map<String, String> of(String firstName, String clinicName, String clinicPhone,
            Map<String, Integer> parameters) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, value) -> values.put(name, String.valueOf(value)));
        values.put(FIRST_NAME, firstName);
        values.put(CLINIC_NAME, clinicName);
        values.put(CLINIC_PHONE, clinicPhone == null ? "" : clinicPhone);
        return values;
    }

    /** The worst case a template must survive: names and number at their longest. */
    public static Map<String, String> longest(Map<String, Integer> parameters) {
        return of("W".repeat(FIRST_NAME_MAX), "W".repeat(CLINIC_NAME_MAX), "+" + "9".repeat(CLINIC_PHONE_MAX - 1),
                parameters);
    }

    /** What a patient reads where the clinic gave no name: "your clinic", "tu clínica". */
    public static String defaultClinicName(String locale) {
        return DEFAULT_CLINIC_NAMES.getOrDefault(locale, DEFAULT_CLINIC_NAME);
    }
}
