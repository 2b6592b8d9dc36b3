package io.aftercare.contracts.sample.service;

/** Misplaced: a provider's error codes, in a service. */
public final class TwilioErrors {

    private TwilioErrors() {
    }

    public static boolean unsubscribed(String code) {
        return "21610".equals(code);
    }
}
