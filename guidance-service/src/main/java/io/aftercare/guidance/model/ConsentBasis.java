package io.aftercare.guidance.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a clinic may text its patients; the healthcare exemption caps how often. */
public enum ConsentBasis {
    @JsonProperty("express-consent")
    EXPRESS_CONSENT, @JsonProperty("healthcare-exemption")
    HEALTHCARE_EXEMPTION
}
