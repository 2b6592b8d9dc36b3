package io.aftercare.notification.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the Base64 HMAC-SHA256 of {@code {id}.{timestamp}.{body}}, keyed
 * with the Base64-decoded secret after its {@code whsec_} prefix. Hand-written with {@link Mac} rather than the
 * official library: the specification's signing is these few lines, and {@code com.standardwebhooks:standardwebhooks}
 * is not in the Maven mirror we build from. The specification's published test vector holds it to the reference
 * implementations ({@code WebhookSignatureTest}).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    /** @param timestamp the attempt's time in Unix seconds, as sent in {@code webhook-timestamp} */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        String key = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), HMAC));
            byte[] signature = mac.doFinal(
                    (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
