package io.aftercare.scheduling.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.TestPersonTokens;
import io.aftercare.security.PersonPrincipal;
import io.aftercare.security.PersonTokenVerifier;

/**
 * The verifier on its own, as a deployment configures it: without the console's key it refuses every token, even one
 * the console signed; with it, it reads the person; a key that is not one stops the service at start.
 */
class PersonTokenVerifierTest {

    @Test
    void withoutTheConsolesKeyEveryTokenIsRefused() {
        String token = TestPersonTokens.of("person-1", "clinic-a", "staff").mint();

        assertThat(new PersonTokenVerifier(Optional.empty()).verify(token)).isEmpty();
        assertThat(new PersonTokenVerifier(Optional.of("  ")).verify(token)).isEmpty();
        assertThat(new PersonTokenVerifier(Optional.of(testPublicKey())).verify(token))
                .contains(new PersonPrincipal("clinic-a", "person-1", "staff", "clinic-a"));
    }

    @Test
    void aTokenWithoutOnePersonRoleOrAWellFormedClinicIsRefused() {
        PersonTokenVerifier verifier = new PersonTokenVerifier(Optional.of(testPublicKey()));

        assertThat(verifier.verify(TestPersonTokens.of("person-1", "clinic-a", "operator").mint())).isEmpty();
        assertThat(verifier.verify(TestPersonTokens.of("person-1", "../clinic", "staff").mint())).isEmpty();
        assertThat(verifier.verify(null)).isEmpty();
    }

    @Test
    void aConfiguredKeyThatIsNotAnRsaPublicKeyStopsTheStart() {
        assertThatThrownBy(() -> new PersonTokenVerifier(Optional.of("not a key")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AFTERCARE_CONSOLE_TOKEN_PUBLIC_KEY");
    }

    private static String testPublicKey() {
        try (InputStream in = TestPersonTokens.class.getResourceAsStream("console-token-test-public.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
