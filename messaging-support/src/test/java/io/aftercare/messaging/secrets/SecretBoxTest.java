package io.aftercare.messaging.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String CONTEXT = "clinic-profiles:clinic-sol";

    private final String oldKey = key();
    private final String newKey = key();

    @Test
    void aSealedValueOpensAndNeverShowsThePlainText() {
        SecretBox box = new SecretBox("k1", Map.of("k1", oldKey));
        String sealed = box.seal(SECRET, CONTEXT);

        assertThat(sealed).startsWith("v1:k1:").doesNotContain(SECRET)
                .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(Base64.getDecoder().decode(sealed.substring("v1:k1:".length())))
                .hasSize(12 + SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(box.open(sealed, CONTEXT)).isEqualTo(SECRET);
        // A fresh nonce each time: equal secrets do not show as equal values.
        assertThat(box.seal(SECRET, CONTEXT)).isNotEqualTo(sealed);
    }

    @Test
    void aValueSealedWithTheOldKeyStillOpensAfterTheCurrentKeyChanges() {
        String sealedBefore = new SecretBox("k1", Map.of("k1", oldKey)).seal(SECRET, CONTEXT);

        SecretBox rotated = SecretBox.of("k2", "k2:" + newKey + ",k1:" + oldKey);
        assertThat(rotated.open(sealedBefore, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, CONTEXT)).startsWith("v1:k2:");
        String resealed = rotated.reseal(sealedBefore, CONTEXT);
        assertThat(resealed).startsWith("v1:k2:");
        assertThat(new SecretBox("k2", Map.of("k2", newKey)).open(resealed, CONTEXT)).isEqualTo(SECRET);

        // Once the old key is dropped, what is still under it says so.
        assertThatThrownBy(() -> new SecretBox("k2", Map.of("k2", newKey)).open(sealedBefore, CONTEXT))
                .isInstanceOf(SecretBox.SecretRefused.class)
                .hasMessageContaining("key k1, which is not configured");
    }

    @Test
    void anAlteredValueOrOneSealedForAnotherPlaceDoesNotOpen() {
        SecretBox box = new SecretBox("k1", Map.of("k1", oldKey));
        String sealed = box.seal(SECRET, CONTEXT);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        bytes[20] ^= 1;
        String altered = "v1:k1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(altered, CONTEXT)).isInstanceOf(SecretBox.SecretRefused.class)
                .hasMessageContaining("altered");
        assertThatThrownBy(() -> box.open(sealed, "clinic-profiles:clinic-luna"))
                .isInstanceOf(SecretBox.SecretRefused.class);
        assertThatThrownBy(() -> box.open(SECRET, CONTEXT)).isInstanceOf(SecretBox.SecretRefused.class)
                .hasMessageContaining("not sealed").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new SecretBox("k1", Map.of("k1", newKey)).open(sealed, CONTEXT))
                .isInstanceOf(SecretBox.SecretRefused.class);
    }

    @Test
    void keysThatAreNotAes256OrACurrentKeyThatIsMissingAreRefusedAtOnce() {
        assertThatThrownBy(() -> SecretBox.of("k1", "k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of("k3", "k1:" + oldKey)).hasMessageContaining("k3");
        assertThatThrownBy(() -> SecretBox.of("k1", "k1")).hasMessageContaining("aftercare.secrets.keys");
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
