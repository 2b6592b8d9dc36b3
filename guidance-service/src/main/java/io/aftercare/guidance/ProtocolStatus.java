package io.aftercare.guidance;

public enum ProtocolStatus {
    DRAFT, PUBLISHED
}
