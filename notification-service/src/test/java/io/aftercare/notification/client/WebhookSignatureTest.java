package io.aftercare.notification.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Standard Webhooks test vector, as the specification's reference libraries test it
 * (standard-webhooks/standard-webhooks, libraries/java WebhookTest.verifyWebhookSignWorks): a receiver's existing
 * library accepts what we send only if we reproduce it exactly.
 */
class WebhookSignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String PAYLOAD = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedTestVector() {
        assertThat(WebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void theSecretWorksWithOrWithoutItsPrefix() {
        assertThat(WebhookSignature.sign(SECRET.substring("whsec_".length()), MESSAGE_ID, TIMESTAMP, PAYLOAD))
                .isEqualTo(EXPECTED);
    }

    @Test
    void theTestReceiversOwnVerifierAcceptsTheVectorAndRefusesAnythingElse() {
        String timestamp = Long.toString(TIMESTAMP);
        assertThat(WebhookReceiver.verifies(SECRET, MESSAGE_ID, timestamp, PAYLOAD, EXPECTED)).isTrue();
        assertThat(WebhookReceiver.verifies(SECRET, MESSAGE_ID, timestamp, PAYLOAD, "v1,bm9wZQ== " + EXPECTED))
                .isTrue();
        assertThat(WebhookReceiver.verifies(SECRET, MESSAGE_ID, timestamp, "{\"test\": 2432232315}", EXPECTED))
                .isFalse();
        assertThat(WebhookReceiver.verifies(SECRET, MESSAGE_ID, "1614265331", PAYLOAD, EXPECTED)).isFalse();
        assertThat(WebhookReceiver.verifies(SECRET, MESSAGE_ID, timestamp, PAYLOAD, EXPECTED.replace("v1,", "v2,")))
                .isFalse();
    }
}
