package io.aftercare.contracts.sample.provider;

/** A provider's own class, named for it. */
public final class TwilioSettings {

    private TwilioSettings() {
    }

    public static String region() {
        return "us1";
    }
}
