package io.aftercare.scheduling.rest;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E.164 numbers as the phone networks see them: a real country, a possible length, the canonical form. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    static boolean isValidE164(String phone) {
        try {
            PhoneNumber number = UTIL.parse(phone, null);
            return UTIL.isValidNumber(number)
                    && UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164).equals(phone);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
