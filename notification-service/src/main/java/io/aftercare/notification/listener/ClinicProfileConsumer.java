package io.aftercare.notification.listener;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.aftercare.messaging.Redelivery;
import io.aftercare.notification.messaging.ClinicProfileChanged;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.aftercare.notification.service.ClinicSenders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps this service's copy of each clinic's profile (its webhook endpoints, sender, HELP texts...), published by
 * scheduling, which owns it. The highest version wins, so the topic can be replayed from the start: older or equal
 * versions change nothing. An event that cannot be read is parked on {@code clinic-profiles-dlt}.
 */
@ApplicationScoped
public class ClinicProfileConsumer {

    private static final Logger LOG = Logger.getLogger(ClinicProfileConsumer.class);

    private final ClinicProfileRepository profiles;
    private final ClinicSenders senders;
    private final Clock clock;

    public ClinicProfileConsumer(ClinicProfileRepository profiles, ClinicSenders senders, Clock clock) {
        this.profiles = profiles;
        this.senders = senders;
        this.clock = clock;
    }

    @Incoming("clinic-profiles")
    @Blocking
    public CompletionStage<Void> onClinicProfile(Message<ClinicProfileChanged> message) {
        ClinicProfileChanged profile = message.getPayload();
        // A profile without its clinic or a version of at least 1 breaks the contract: kept, it could never be replaced
        // in order.
        if (profile == null || profile.clinicId() == null || profile.version() < 1) {
            return message.nack(new IllegalArgumentException("the event could not be read as its contract says"));
        }
        try {
            Redelivery.untilHandled("profile of " + profile.clinicId() + " version " + profile.version(), () -> {
                boolean kept = QuarkusTransaction.requiringNew()
                        .call(() -> profiles.keepIfNewer(profile, clock.instant()));
                if (kept) {
                    senders.forget(profile.clinicId());
                }
                LOG.infof("profile of %s version %d %s", profile.clinicId(), profile.version(),
                        kept ? "kept" : "ignored: the copy is as new or newer");
            });
        } catch (RuntimeException cannotBeHandled) {
            return message.nack(cannotBeHandled);
        }
        return message.ack();
    }
}
