package io.aftercare.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A minted person token verifies with the console's public key (checked with jose4j, not with the code that signed
 * it), carries the person's id, clinic and role, the issuer and audience the services demand, and expires in about
 * a minute; another key does not verify it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class PersonTokensTest {

    @Inject
    PersonTokens tokens;

    @Test
    void aTokenNamesThePersonTheirClinicAndRoleAndExpiresSoon() throws Exception {
        Person person = new Person(UUID.randomUUID(), "clinic-tokens", "nurse@clinic.example", "Nurse", "staff",
                "session", "csrf");

        JwtClaims claims = consumer(tokens.publicKey()).processToClaims(tokens.mint(person));

        assertThat(claims.getIssuer()).isEqualTo("aftercare-console");
        assertThat(claims.getAudience()).containsExactly("aftercare");
        assertThat(claims.getSubject()).isEqualTo(person.id().toString());
        assertThat(claims.getClaimValueAsString("clinic")).isEqualTo("clinic-tokens");
        assertThat(claims.getStringListClaimValue("groups")).isEqualTo(List.of("staff"));
        assertThat(claims.getJwtId()).isNotBlank();
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(Duration.ofSeconds(lifetime)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void eachTokenIsNewAndAnotherKeyDoesNotVerifyIt() throws Exception {
        Person admin = new Person(UUID.randomUUID(), "clinic-tokens", "admin@clinic.example", "Admin",
                "clinic-admin", "session", "csrf");
        String first = tokens.mint(admin);

        assertThat(consumer(tokens.publicKey()).processToClaims(first).getStringListClaimValue("groups"))
                .containsExactly("clinic-admin");
        assertThat(tokens.mint(admin)).isNotEqualTo(first);
        assertThatThrownBy(() -> consumer(otherKey()).processToClaims(first)).isInstanceOf(InvalidJwtException.class);
    }

    private static JwtConsumer consumer(java.security.Key key) {
        return new JwtConsumerBuilder().setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("aftercare-console")
                .setExpectedAudience("aftercare")
                .setRequireExpirationTime()
                .setRequireSubject()
                .setRequireJwtId()
                .build();
    }

    private static java.security.PublicKey otherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }
}
