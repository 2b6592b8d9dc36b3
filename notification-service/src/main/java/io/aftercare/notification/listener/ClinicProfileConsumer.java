package io.aftercare.notification.listener;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.aftercare.events.ClinicProfileChanged;
import io.aftercare.messaging.Redelivery;
import io.aftercare.messaging.secrets.SecretBox;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.aftercare.notification.security.WebhookSecrets;
import io.aftercare.notification.service.ClinicSenders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Keeps this service's copy of each clinic's profile (its webhook endpoints, sender, HELP texts...), published by
 * scheduling, which owns it. The highest version wins, so the topic can be replayed from the start: older or equal
 * versions change nothing. An event that cannot be read is parked on {@code clinic-profiles-dlt}, and so, with the
 * reason, is one that is not scheduling's: from another source, with a version that jumps (a forged huge version
 * would otherwise be kept for good, every later real profile looking older), or with a webhook secret that is not
 * sealed for this clinic with a key this service holds (a forger without the key cannot point webhooks elsewhere).
 */
@ApplicationScoped
public class ClinicProfileConsumer {

    private static final Logger LOG = Logger.getLogger(ClinicProfileConsumer.class);

    /** The only producer of clinic profiles (its ClinicProfilePublisher's CloudEvent source). */
    static final String SCHEDULING = "/aftercare/scheduling-service";

    /**
     * How far a version may run ahead of the copy. scheduling adds one per change and the topic keeps every clinic's
     * last profile, so a gap means changes this service missed; a thousand missed changes of one clinic is not a gap
     * that happens, while a forged version far ahead would freeze the copy. A first copy may have any version
     * scheduling can write (an int).
     */
    static final long MAX_VERSION_STEP = 1000;

    private final ClinicProfileRepository profiles;
    private final ClinicSenders senders;
    private final WebhookSecrets secrets;
    private final Clock clock;

    public ClinicProfileConsumer(ClinicProfileRepository profiles, ClinicSenders senders, WebhookSecrets secrets,
            Clock clock) {
        this.profiles = profiles;
        this.senders = senders;
        this.secrets = secrets;
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
        String source = source(message);
        if (!SCHEDULING.equals(source)) {
            return refuse(message, profile, "its source is " + (source == null ? "missing" : source) + ", not "
                    + SCHEDULING + ", which alone publishes clinic profiles");
        }
        if (profile.version() > Integer.MAX_VALUE) {
            return refuse(message, profile, "its version " + profile.version() + " is beyond any scheduling writes");
        }
        ClinicProfileChanged sealedForStorage;
        try {
            sealedForStorage = sealedForStorage(profile);
        } catch (SecretBox.SecretRefused refused) {
            return refuse(message, profile, "a webhook secret does not open: " + refused.getMessage());
        }
        try {
            Redelivery.untilHandled("profile of " + profile.clinicId() + " version " + profile.version(),
                    () -> keep(profile, sealedForStorage));
        } catch (ProfileRefused refused) {
            LOG.warn(refused.getMessage());
            return message.nack(refused);
        } catch (RuntimeException cannotBeHandled) {
            return message.nack(cannotBeHandled);
        }
        return message.ack();
    }

    /** Keeps the profile if it is newer than the copy, in its own transaction; a jump in versions is refused. */
    private void keep(ClinicProfileChanged profile, ClinicProfileChanged sealedForStorage) {
        boolean kept = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Long> copy = profiles.version(profile.clinicId());
            if (copy.isPresent() && profile.version() > copy.get() + MAX_VERSION_STEP) {
                throw new ProfileRefused(profile, "its version " + profile.version() + " jumps from the copy's "
                        + copy.get() + " by more than " + MAX_VERSION_STEP);
            }
            return profiles.keepIfNewer(sealedForStorage, clock.instant());
        });
        if (kept) {
            senders.forget(profile.clinicId());
        }
        LOG.infof("profile of %s version %d %s", profile.clinicId(), profile.version(),
                kept ? "kept" : "ignored: the copy is as new or newer");
    }

    /** The profile as it is stored: each webhook secret opened from the topic's seal and sealed for this database. */
    private ClinicProfileChanged sealedForStorage(ClinicProfileChanged profile) {
        if (profile.webhooks() == null) {
            return profile;
        }
        List<ClinicProfileChanged.Webhook> webhooks = profile.webhooks().stream()
                .map(w -> new ClinicProfileChanged.Webhook(w.id(), w.url(),
                        w.secret() == null ? null : secrets.fromTopic(profile.clinicId(), w.secret()), w.events()))
                .toList();
        return new ClinicProfileChanged(profile.clinicId(), profile.version(), profile.name(), profile.timeZone(),
                profile.locale(), profile.phone(), profile.sendWindow(), profile.sms(), profile.emailSender(),
                profile.alertEmail(), profile.consentBasis(), profile.helpTexts(), webhooks, profile.updatedAt());
    }

    private static CompletionStage<Void> refuse(Message<ClinicProfileChanged> message, ClinicProfileChanged profile,
            String why) {
        ProfileRefused refused = new ProfileRefused(profile, why);
        LOG.warn(refused.getMessage());
        return message.nack(refused);
    }

    private static String source(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> record.getHeaders().lastHeader("ce_source"))
                .map(header -> header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8))
                .orElse(null);
    }

    /** A profile event that is not scheduling's; its message is the dead-letter reason. */
    static final class ProfileRefused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        ProfileRefused(ClinicProfileChanged profile, String why) {
            super("profile of " + profile.clinicId() + " version " + profile.version() + " refused: " + why);
        }
    }
}
