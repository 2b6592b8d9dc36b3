package io.aftercare.contracts.sample.service;

import io.aftercare.contracts.sample.provider.TwilioSettings;

/** Misplaced knowledge: a service that reads the provider's own settings. */
public class Regions {

    public String region() {
        return TwilioSettings.region();
    }
}
