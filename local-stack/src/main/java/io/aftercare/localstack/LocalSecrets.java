package io.aftercare.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The passwords of one machine's local run: random, made on the first {@code ./aftercare up} and kept in a file only
 * its owner can read, so that no two installations share a password and none is published in the code or the README.
 * The services get them as environment variables, which, unlike a command line, other users cannot read. The sealing
 * key (AES-256, for clinics' secrets at rest and on the topic) is kept with them: what scheduling and notification
 * sealed in the local databases opens only with it.
 */
public record LocalSecrets(String adminPassword, String operatorPassword, String twilioAuthToken, String sealingKey,
        BrokerCredentials broker) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final String ADMIN = "aftercare.admin.password";
    private static final String OPERATOR = "aftercare.operator.password";
    private static final String TWILIO = "aftercare.twilio.auth-token";
    private static final String SEALING_KEY = "aftercare.secrets.local-key";
    /** Followed by the broker user's name: each service's password on the broker, and the broker admin's. */
    private static final String BROKER_PASSWORD = "aftercare.kafka.password.";
    /** The id of the local run's one sealing key, as {@code aftercare.secrets.keys} names keys. */
    private static final String SEALING_KEY_ID = "local";

    /** What {@link #loadOrCreate} found: {@code created} says the file was new, so its values are shown once. */
    public record Loaded(LocalSecrets secrets, boolean created) {
    }

    /** Fresh random values, for a test's run that keeps nothing. */
    public static LocalSecrets generate() {
        return new LocalSecrets(random(), random(), random(), newSealingKey(), BrokerCredentials.generate());
    }

    public static Loaded loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            LocalSecrets secrets = generate();
            try {
                write(file, secrets);
                return new Loaded(secrets, true);
            } catch (FileAlreadyExistsException anotherRunWasFaster) {
                // read what it wrote below
            }
        }
        return new Loaded(read(file), false);
    }

    /** The environment of a service's process: the variables its {@code prod} profile reads its secrets from. */
    public Map<String, String> environment(AftercareService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        switch (service) {
            case GUIDANCE -> {
                environment.put("AFTERCARE_ADMIN_PASSWORD", adminPassword);
                environment.put("AFTERCARE_OPERATOR_PASSWORD", operatorPassword);
            }
            case SCHEDULING -> {
                environment.put("AFTERCARE_OPERATOR_PASSWORD", operatorPassword);
                sealing(environment);
            }
            case NOTIFICATION -> {
                environment.put("AFTERCARE_OPERATOR_PASSWORD", operatorPassword);
                environment.put("TWILIO_AUTH_TOKEN", twilioAuthToken);
                sealing(environment);
            }
            case CONSOLE -> environment.put("AFTERCARE_OPERATOR_PASSWORD", operatorPassword);
        }
        if (service.usesKafka()) {
            environment.put("AFTERCARE_KAFKA_PASSWORD", broker.password(BrokerUser.of(service)));
        }
        return environment;
    }

    private void sealing(Map<String, String> environment) {
        environment.put("AFTERCARE_SECRETS_KEYS", SEALING_KEY_ID + ":" + sealingKey);
        environment.put("AFTERCARE_SECRETS_CURRENT", SEALING_KEY_ID);
    }

    private static String newSealingKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, LocalSecrets secrets) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Created with owner-only permissions, so that there is no moment in which others could read it.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Properties properties = new Properties();
        properties.setProperty(ADMIN, secrets.adminPassword());
        properties.setProperty(OPERATOR, secrets.operatorPassword());
        properties.setProperty(TWILIO, secrets.twilioAuthToken());
        properties.setProperty(SEALING_KEY, secrets.sealingKey());
        secrets.broker().passwords().forEach((user, password) -> properties.setProperty(
                BROKER_PASSWORD + user.userName(), password));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
            properties.store(writer, "Passwords of this machine's ./aftercare up; delete the file for new ones");
        }
    }

    private static LocalSecrets read(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            // Someone widened it, or copied it in: it is still ours, but not to be left readable.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        // A file from before clinics' secrets were sealed, or before the broker asked who signs in, gains what it
        // lacks, and keeps its passwords.
        boolean added = addIfMissing(properties, SEALING_KEY, LocalSecrets::newSealingKey);
        BrokerCredentials generated = BrokerCredentials.generate();
        Map<BrokerUser, String> brokerPasswords = new EnumMap<>(BrokerUser.class);
        for (BrokerUser user : BrokerUser.values()) {
            added |= addIfMissing(properties, BROKER_PASSWORD + user.userName(), () -> generated.password(user));
            brokerPasswords.put(user, properties.getProperty(BROKER_PASSWORD + user.userName()).strip());
        }
        if (added) {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(writer, "Passwords of this machine's ./aftercare up; delete the file for new ones");
            }
        }
        return new LocalSecrets(required(properties, ADMIN, file), required(properties, OPERATOR, file),
                required(properties, TWILIO, file), properties.getProperty(SEALING_KEY).strip(),
                new BrokerCredentials(brokerPasswords));
    }

    private static boolean addIfMissing(Properties properties, String key, Supplier<String> value) {
        if (!properties.getProperty(key, "").isBlank()) {
            return false;
        }
        properties.setProperty(key, value.get());
        return true;
    }

    private static String required(Properties properties, String key, Path file) throws IOException {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IOException(file + " has no " + key + "; delete the file and a new one is made");
        }
        return value;
    }

    /** Never the values themselves: a record's default would print them into any log that shows this object. */
    @Override
    public String toString() {
        return "LocalSecrets[admin, operator, twilio token, sealing key, broker passwords: hidden]";
    }
}
