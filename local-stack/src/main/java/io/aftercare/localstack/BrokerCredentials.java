package io.aftercare.localstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The broker users' passwords. The services sign in with SCRAM-SHA-512, whose credentials the broker keeps salted and
 * hashed in its metadata; the admin signs in with PLAIN against the broker's own configuration, because something
 * has to be able to sign in before any SCRAM credential exists.
 */
public record BrokerCredentials(Map<BrokerUser, String> passwords) {

    public static final String SERVICE_MECHANISM = "SCRAM-SHA-512";
    static final String ADMIN_MECHANISM = "PLAIN";

    private static final SecureRandom RANDOM = new SecureRandom();

    public BrokerCredentials {
        passwords = Map.copyOf(passwords);
        for (BrokerUser user : BrokerUser.values()) {
            if (passwords.getOrDefault(user, "").isBlank()) {
                throw new IllegalArgumentException("no broker password for " + user.userName());
            }
        }
    }

    /** Fresh random passwords: URL-safe base64, so that none needs quoting inside a JAAS line. */
    public static BrokerCredentials generate() {
        Map<BrokerUser, String> passwords = new EnumMap<>(BrokerUser.class);
        for (BrokerUser user : BrokerUser.values()) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            passwords.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new BrokerCredentials(passwords);
    }

    public String password(BrokerUser user) {
        return passwords.get(user);
    }

    /** What a Kafka client needs to sign in to the given broker as this user. */
    public Map<String, Object> clientConfig(String bootstrapServers, BrokerUser user) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        boolean admin = user == BrokerUser.ADMIN;
        config.put(SaslConfigs.SASL_MECHANISM, admin ? ADMIN_MECHANISM : SERVICE_MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(admin
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule", user.userName(), password(user)));
        return config;
    }

    static String jaas(String loginModule, String userName, String password) {
        return loginModule + " required username=\"" + userName + "\" password=\"" + password + "\";";
    }

    /** {@code user=password,...}: how a test JVM hands a running broker's passwords to another class loader. */
    public String encoded() {
        return passwords.entrySet()
                .stream()
                .map(entry -> entry.getKey().name() + "=" + entry.getValue())
                .collect(java.util.stream.Collectors.joining(","));
    }

    public static BrokerCredentials decode(String encoded) {
        Map<BrokerUser, String> passwords = new EnumMap<>(BrokerUser.class);
        for (String pair : encoded.split(",")) {
            int equals = pair.indexOf('=');
            passwords.put(BrokerUser.valueOf(pair.substring(0, equals)), pair.substring(equals + 1));
        }
        return new BrokerCredentials(passwords);
    }

    /** Never the values: a record's default would print them into any log that shows this object. */
    @Override
    public String toString() {
        return "BrokerCredentials[" + passwords.size() + " users: hidden]";
    }
}
