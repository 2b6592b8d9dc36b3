package io.aftercare.messaging.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret (a webhook signing secret, an Authorization header value) with AES-256-GCM so that what is stored or
 * published is {@code v1:<keyId>:<base64(nonce | ciphertext | tag)>}. Each value gets a fresh random 96-bit nonce. The
 * key id travels with the value, so the current key can change while values sealed with an older one still open, as
 * long as that older key is still configured. A context (where the value lives: a column, a clinic's event) is bound
 * in as associated data, so a sealed value copied to another place or another clinic does not open there.
 */
public final class SecretBox {

    public static final String FORMAT = "v1";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys;

    /**
     * @param currentId the key new values are sealed with
     * @param base64Keys every key that may open a value, by id, each 32 random bytes in base64
     */
    public SecretBox(String currentId, Map<String, String> base64Keys) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        base64Keys.forEach((id, base64) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a secrets key id must be 1-32 letters, digits, - or _: " + id);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("secrets key " + id + " is not base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(
                        "secrets key " + id + " must be 32 bytes (AES-256), it is " + bytes.length);
            }
            parsed.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!parsed.containsKey(currentId)) {
            throw new IllegalArgumentException("the current secrets key " + currentId + " is not among the keys");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(parsed);
    }

    /**
     * Reads {@code id:base64,id:base64}, the form one environment variable can hold.
     *
     * @throws IllegalArgumentException naming the setting when an entry is malformed
     */
    public static SecretBox of(String currentId, String keyList) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("aftercare.secrets.keys must read id:base64[,id:base64...]");
            }
            keys.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return new SecretBox(currentId.trim(), keys);
    }

    public String currentKeyId() {
        return currentId;
    }

    /** Whether the value has the sealed form (not whether it opens). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(FORMAT + ":") && value.indexOf(':', FORMAT.length() + 1) > 0;
    }

    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(currentId, context));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return FORMAT + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * @throws SecretRefused when the value is not sealed, was sealed with a key this service does not hold, for
     *         another context, or was altered; the message names which, never the value
     */
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new SecretRefused("the value is not sealed (" + FORMAT + ":<keyId>:...)");
        }
        int second = sealed.indexOf(':', FORMAT.length() + 1);
        String keyId = sealed.substring(FORMAT.length() + 1, second);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new SecretRefused("the value was sealed with key " + keyId + ", which is not configured");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(second + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new SecretRefused("the sealed value is not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretRefused("the sealed value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, context));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException altered) {
            throw new SecretRefused("the sealed value does not open with key " + keyId
                    + " for this place: altered, or sealed for another one");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The value sealed with the current key: a value under an older key is sealed again, one under it is kept. */
    public String reseal(String sealed, String context) {
        if (sealed.startsWith(FORMAT + ":" + currentId + ":")) {
            return sealed;
        }
        return seal(open(sealed, context), context);
    }

    private static byte[] associatedData(String keyId, String context) {
        return (FORMAT + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** A sealed value that cannot be opened here; the message says why and never holds the value. */
    public static final class SecretRefused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public SecretRefused(String reason) {
            super(reason);
        }
    }
}
