package io.aftercare.localstack;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * The key pair of one local run's person tokens (the console signs with the private half, scheduling, notification
 * and guidance verify with the public half), made at the start of each {@code ./aftercare up} and each system test
 * and never written to disk: tokens live a minute, so nothing of a former run needs to verify.
 */
public record ConsoleTokenKeys(String privateKeyPem, String publicKeyPem) {

    /** What the services read: the console's public key. */
    public static final String PUBLIC_KEY_VARIABLE = "AFTERCARE_CONSOLE_TOKEN_PUBLIC_KEY";
    /** What the console reads: its private key. */
    public static final String PRIVATE_KEY_VARIABLE = "AFTERCARE_CONSOLE_TOKEN_PRIVATE_KEY";

    public static ConsoleTokenKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new ConsoleTokenKeys(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK makes RSA keys", e);
        }
    }

    /** The environment of a service that verifies person tokens. */
    public Map<String, String> verifierEnvironment() {
        return Map.of(PUBLIC_KEY_VARIABLE, publicKeyPem);
    }

    /** The environment of the console, which signs them. */
    public Map<String, String> signerEnvironment() {
        return Map.of(PRIVATE_KEY_VARIABLE, privateKeyPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Never the private key: a record's default would print it into any log that shows this object. */
    @Override
    public String toString() {
        return "ConsoleTokenKeys[private key hidden]";
    }
}
