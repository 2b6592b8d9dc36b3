package io.aftercare.notification.webhook;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The answer to HELP, and how each clinic can be reached:
 * {@code aftercare.help.clinic-contacts."clinic-a"=call +34 900 000 000}.
 */
@ConfigMapping(prefix = "aftercare.help")
public interface ClinicContacts {

    String text();

    Map<String, String> clinicContacts();
}
