package io.aftercare.scheduling.ops;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.aftercare.scheduling.client.NotificationInboxClient;

/**
 * Open and urgent replies in the clinics' inboxes, asked of the notification service with the operator's account (the
 * ops page is the operator's). When notification cannot answer, the page says so instead of failing.
 */
@ApplicationScoped
public class InboxCounts {

    private static final Logger LOG = Logger.getLogger(InboxCounts.class);

    private final NotificationInboxClient notification;
    private final String authorization;

    public InboxCounts(@RestClient NotificationInboxClient notification,
            @ConfigProperty(name = "aftercare.operator.username") String operator,
            @ConfigProperty(name = "aftercare.operator.password") String password) {
        this.notification = notification;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((operator + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the counts, or null when the notification service did not answer */
    public OpsOverview.Inbox of(String clinicId) {
        try {
            NotificationInboxClient.InboxCounts counts = notification.counts(clinicId, authorization);
            return new OpsOverview.Inbox(counts.open(), counts.urgent());
        } catch (RuntimeException e) {
            LOG.debugf("inbox counts unavailable: %s", e.toString());
            return null;
        }
    }
}
