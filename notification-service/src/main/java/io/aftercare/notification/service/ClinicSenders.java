package io.aftercare.notification.service;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aftercare.notification.repository.ClinicProfileRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Which sender a clinic's texts go from, and at what pace: its own (a number or a Messaging Service, from its
 * profile) or the deployment's. Remembered for a short while so that a batch of texts does not read the profile once
 * each; a changed profile is forgotten here at once, and on other instances within {@link #REMEMBER}.
 */
@ApplicationScoped
public class ClinicSenders {

    /** The sender texts go from and its messages per second; null for the deployment's own. */
    public record Sender(String from, double perSecond) {
    }

    static final Duration REMEMBER = Duration.ofSeconds(30);

    private final ClinicProfileRepository profiles;
    private final Cache<String, Optional<Sender>> remembered = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBER)
            .build();

    public ClinicSenders(ClinicProfileRepository profiles) {
        this.profiles = profiles;
    }

    /** The clinic's own sender, if its profile has one. */
    public Optional<Sender> of(String clinicId) {
        if (clinicId == null) {
            return Optional.empty();
        }
        return remembered.get(clinicId, clinic -> QuarkusTransaction.requiringNew()
                .call(() -> profiles.smsSender(clinic))
                .map(sender -> new Sender(sender.from(), sender.perSecond())));
    }

    /** The clinic's profile changed. */
    public void forget(String clinicId) {
        remembered.invalidate(clinicId);
    }
}
