package io.aftercare.notification.provider;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Twilio-compatible Messages API, and how its webhooks reach us. */
@ConfigMapping(prefix = "aftercare.twilio")
public interface TwilioConfig {

    @WithDefault("https://api.twilio.com")
    String baseUrl();

    @WithDefault("AC00000000000000000000000000000000")
    String accountSid();

    /** Signs our requests (Basic auth) and the provider's webhooks (X-Twilio-Signature). */
    @WithDefault("change-me")
    String authToken();

    /** The sender: an E.164 number, or a Messaging Service SID (MG...). */
    @WithDefault("+15005550006")
    String from();

    /**
     * The public base URL at which the provider reaches our webhooks; signatures are computed over it. Without it,
     * the URL of the request as received is used.
     */
    Optional<String> webhookBaseUrl();

    @WithDefault("10s")
    Duration timeout();
}
