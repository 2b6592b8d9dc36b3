package io.aftercare.outbound;

import java.time.Duration;
import java.util.Map;

/**
 * A call to a URL a clinic gave us.
 *
 * @param body null for none
 * @param timeout the whole call's bound; null for the configured {@code aftercare.outbound.total-timeout}
 */
public record OutboundRequest(String method, String url, Map<String, String> headers, String body,
        Duration timeout) {

    public static OutboundRequest get(String url, Map<String, String> headers) {
        return new OutboundRequest("GET", url, headers, null, null);
    }

    public static OutboundRequest post(String url, Map<String, String> headers, String body, Duration timeout) {
        return new OutboundRequest("POST", url, headers, body, timeout);
    }
}
