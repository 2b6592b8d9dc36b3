package io.aftercare.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a clinic may text its patients: they said yes (express consent), or the messages are part of their care
 * (a healthcare exemption, where the law has one). Recorded for the clinic's compliance; STOP is honoured either way.
 */
public enum ConsentBasis {
    @JsonProperty("express-consent")
    EXPRESS_CONSENT, @JsonProperty("healthcare-exemption")
    HEALTHCARE_EXEMPTION
}
