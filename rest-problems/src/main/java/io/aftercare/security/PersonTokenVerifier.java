package io.aftercare.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.aftercare.problem.InputPatterns;

/**
 * Checks a person token from the console (RS256 JWT, minted per call by the console's {@code PersonTokens}): signed by
 * the console's key ({@code aftercare.person-tokens.public-key}, {@code AFTERCARE_CONSOLE_TOKEN_PUBLIC_KEY}), issuer
 * {@value #ISSUER}, audience {@value #AUDIENCE}, not expired (30 s of clock skew allowed) and never valid for more
 * than {@value #LONGEST_MINUTES} minutes ahead, with a subject, a {@code jti}, a well-formed {@code clinic} and one
 * person role in {@code groups}. Only RS256 is accepted, so a token cannot choose {@code none} or an HMAC keyed with
 * the public key.
 * <p>
 * A deployment without the console configures no key: it starts, and refuses every bearer token.
 */
@ApplicationScoped
public class PersonTokenVerifier {

    public static final String ISSUER = "aftercare-console";
    public static final String AUDIENCE = "aftercare";
    public static final String CLINIC_CLAIM = "clinic";
    static final int LONGEST_MINUTES = 5;

    private static final Logger LOG = Logger.getLogger(PersonTokenVerifier.class);

    private final JwtConsumer consumer;

    public PersonTokenVerifier(
            @ConfigProperty(name = "aftercare.person-tokens.public-key") Optional<String> publicKey) {
        this.consumer = publicKey.filter(key -> !key.isBlank()).map(PersonTokenVerifier::consumer).orElse(null);
        if (consumer == null) {
            LOG.info("No console public key (AFTERCARE_CONSOLE_TOKEN_PUBLIC_KEY): person tokens are refused");
        }
    }

    /** The person a token names, or empty when it is not a valid token of the console's (or no key is configured). */
    public Optional<PersonPrincipal> verify(String token) {
        if (consumer == null || token == null || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            return person(consumer.processToClaims(token));
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.debugf("person token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<PersonPrincipal> person(JwtClaims claims) throws MalformedClaimException {
        String personId = claims.getSubject();
        Object clinic = claims.getClaimValue(CLINIC_CLAIM);
        List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
        List<String> roles = groups.stream().filter(PersonIdentity::isPersonRole).distinct().toList();
        if (personId == null || personId.isBlank() || !(clinic instanceof String clinicId)
                || !clinicId.matches(InputPatterns.CLINIC_ID) || roles.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new PersonPrincipal(clinicId, personId, roles.get(0), clinicId));
    }

    private static JwtConsumer consumer(String pem) {
        return new JwtConsumerBuilder().setVerificationKey(publicKey(pem))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(LONGEST_MINUTES)
                .setAllowedClockSkewInSeconds(30)
                .setRequireSubject()
                .setRequireJwtId()
                .build();
    }

    /** An RSA public key as PEM ({@code -----BEGIN PUBLIC KEY-----}) or as the bare base64 of its X.509 form. */
    static PublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("aftercare.person-tokens.public-key (AFTERCARE_CONSOLE_TOKEN_PUBLIC_KEY)"
                    + " is not an RSA public key in PEM", e);
        }
    }
}
