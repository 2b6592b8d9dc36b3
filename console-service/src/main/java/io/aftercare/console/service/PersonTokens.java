package io.aftercare.console.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.aftercare.console.config.ConsoleConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints the short-lived token (RS256 JWT) with which the console calls scheduling, notification and guidance on a
 * person's behalf, so that their audit trails name the person and their clinic-admin-only changes know the role:
 * {@code iss} {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code sub} the person's id, {@code clinic} their
 * clinic, {@code groups} their one role, a {@code jti} and an expiry about a minute away. A token is made per call
 * and never stored: the session cookie stays the person's only long-lived credential.
 * <p>
 * The private key is {@code aftercare.console.tokens.private-key} ({@code AFTERCARE_CONSOLE_TOKEN_PRIVATE_KEY}):
 * required in production (checked at start, so a deployment without it stops at once and names it); a dev or test
 * run without one makes its own at start, whose tokens no other service accepts.
 */
@Startup
@Singleton
public class PersonTokens {

    public static final String ISSUER = "aftercare-console";
    public static final String AUDIENCE = "aftercare";
    public static final String CLINIC_CLAIM = "clinic";

    private static final Logger LOG = Logger.getLogger(PersonTokens.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Duration lifetime;
    private final Clock clock;

    public PersonTokens(ConsoleConfig config, Clock clock) throws GeneralSecurityException {
        KeyPair keys = keys(config.tokens().privateKey());
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        this.lifetime = config.tokens().lifetime();
        this.clock = clock;
    }

    /** A fresh token for one call by this person. */
    public String mint(Person person) {
        long now = clock.instant().getEpochSecond();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(person.id().toString())
                .claim(CLINIC_CLAIM, person.clinicId())
                .groups(Set.of(person.role()))
                .issuedAt(now)
                .expiresAt(now + lifetime.toSeconds())
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .sign(privateKey);
    }

    /** The key the services verify with: the configured key's public half, or the one made for a dev or test run. */
    public PublicKey publicKey() {
        return publicKey;
    }

    private static KeyPair keys(Optional<String> configured) throws GeneralSecurityException {
        if (configured.isPresent()) {
            PrivateKey key = KeyUtils.decodePrivateKey(configured.get().strip());
            return new KeyPair(publicHalf(key), key);
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("AFTERCARE_CONSOLE_TOKEN_PRIVATE_KEY (aftercare.console.tokens.private-key)"
                    + " is not set: the console cannot call the other services on a person's behalf without it");
        }
        LOG.warn("No aftercare.console.tokens.private-key: this run signs person tokens with a key of its own, which"
                + " the other services refuse unless given its public half");
        return generate();
    }

    private static KeyPair generate() throws NoSuchAlgorithmException {
        return KeyUtils.generateKeyPair(2048);
    }

    private static PublicKey publicHalf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException("aftercare.console.tokens.private-key must be an RSA key (PKCS#8 PEM)");
        }
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }
}
