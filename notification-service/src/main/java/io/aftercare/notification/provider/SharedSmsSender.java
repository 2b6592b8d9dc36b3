package io.aftercare.notification.provider;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SMS sender every clinic without one of its own shares: the number or Messaging Service of the deployment's
 * provider settings. Here so that the rest of the service asks for a sender, not for Twilio's settings.
 */
@ApplicationScoped
public class SharedSmsSender {

    private final TwilioConfig twilio;

    public SharedSmsSender(TwilioConfig twilio) {
        this.twilio = twilio;
    }

    public String from() {
        return twilio.from();
    }
}
