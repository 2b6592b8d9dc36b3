package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Person tokens for the services' tests, shaped as the console's {@code PersonTokens} mints them and signed with the
 * local stack's test key pair ({@code console-token-test-private.pem}; each service's {@code %test} profile holds the
 * public half), or deliberately wrong in one respect: another key, issuer, audience, or an expiry in the past.
 * The key pair is for tests only: no production profile reads it.
 */
public record TestPersonTokens(String personId, String clinicId, String role, String issuer, String audience,
        Duration expiresIn, PrivateKey key) {

    private static final PrivateKey TEST_KEY = readTestKey();

    /** A valid token of this person as the console would mint it: 60 s, the console's issuer and audience. */
    public static TestPersonTokens of(String personId, String clinicId, String role) {
        return new TestPersonTokens(personId, clinicId, role, "aftercare-console", "aftercare", Duration.ofSeconds(60),
                TEST_KEY);
    }

    public TestPersonTokens issuedBy(String otherIssuer) {
        return new TestPersonTokens(personId, clinicId, role, otherIssuer, audience, expiresIn, key);
    }

    public TestPersonTokens forAudience(String otherAudience) {
        return new TestPersonTokens(personId, clinicId, role, issuer, otherAudience, expiresIn, key);
    }

    /** Negative: expired that long ago. */
    public TestPersonTokens expiringIn(Duration lifetime) {
        return new TestPersonTokens(personId, clinicId, role, issuer, audience, lifetime, key);
    }

    /** Signed with a key made now, which no service knows. */
    public TestPersonTokens signedWithAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestPersonTokens(personId, clinicId, role, issuer, audience, expiresIn,
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compact JWT, for {@code Authorization: Bearer}. */
    public String mint() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(personId);
        claims.setClaim("clinic", clinicId);
        claims.setStringListClaim("groups", List.of(role));
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(expiresIn.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + mint();
    }

    private static PrivateKey readTestKey() {
        try (InputStream in = TestPersonTokens.class.getResourceAsStream("console-token-test-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
