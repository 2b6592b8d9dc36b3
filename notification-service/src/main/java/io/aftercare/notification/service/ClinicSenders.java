package io.aftercare.notification.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aftercare.notification.provider.SharedSmsSender;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Which sender a clinic's messages go from: its own (a number or a Messaging Service at its own pace for texts, an
 * address for emails, from its profile) or the deployment's. Remembered for a short while so that a batch of texts does not read the profile once
 * each; a changed profile is forgotten here at once, and on other instances within {@link #REMEMBER}.
 */
@ApplicationScoped
public class ClinicSenders {

    /** The sender texts go from and its messages per second. */
    public record Sender(String from, double perSecond) {
    }

    static final Duration REMEMBER = Duration.ofSeconds(30);

    private final ClinicProfileRepository profiles;
    private final SharedSmsSender shared;
    private final Cache<String, ClinicProfileRepository.Senders> remembered = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBER)
            .build();

    public ClinicSenders(ClinicProfileRepository profiles, SharedSmsSender shared) {
        this.profiles = profiles;
        this.shared = shared;
    }

    /**
     * The number or Messaging Service the clinic's texts go from: its own, else the deployment's shared one. The
     * patient answers it, so it is what a reply, a STOP or a HELP is routed by.
     */
    public String smsFrom(String clinicId) {
        return sms(clinicId).map(Sender::from).orElseGet(this::deploymentSender);
    }

    /** The sender shared by every clinic without one of its own. */
    public String deploymentSender() {
        return shared.from();
    }

    /** The clinic's own SMS sender, if its profile has one. */
    public Optional<Sender> sms(String clinicId) {
        ClinicProfileRepository.Senders senders = of(clinicId);
        return senders.smsFrom() == null || senders.smsPerSecond() == null
                ? Optional.empty()
                : Optional.of(new Sender(senders.smsFrom(), senders.smsPerSecond()));
    }

    /** The clinic's own email address, if its profile has one. */
    public Optional<String> email(String clinicId) {
        return Optional.ofNullable(of(clinicId).emailFrom());
    }

    private ClinicProfileRepository.Senders of(String clinicId) {
        if (clinicId == null) {
            return ClinicProfileRepository.Senders.NONE;
        }
        return remembered.get(clinicId,
                clinic -> QuarkusTransaction.requiringNew().call(() -> profiles.senders(clinic)));
    }

    /** The clinic's profile changed. */
    public void forget(String clinicId) {
        remembered.invalidate(clinicId);
    }
}
