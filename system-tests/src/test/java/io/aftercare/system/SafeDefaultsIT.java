package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.ConsoleTokenKeys;
import io.aftercare.localstack.FreePorts;

/**
 * A packaged service runs in the prod profile, where no secret has a default: started without its secret it stops at
 * once and names what is missing, rather than running with a public password anyone could use (a forged STOP for any
 * number, with a known Twilio token).
 */
class SafeDefaultsIT {

    /** @param named what the message names: the variable, or the setting the README maps to it */
    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({"NOTIFICATION, TWILIO_AUTH_TOKEN, TWILIO_AUTH_TOKEN",
            "SCHEDULING, AFTERCARE_OPERATOR_PASSWORD, aftercare.operator.password",
            "GUIDANCE, AFTERCARE_ADMIN_PASSWORD, AFTERCARE_ADMIN_PASSWORD",
            "SCHEDULING, AFTERCARE_SECRETS_KEYS, aftercare.secrets.keys",
            "NOTIFICATION, AFTERCARE_SECRETS_CURRENT, aftercare.secrets.current",
            "SCHEDULING, AFTERCARE_KAFKA_PASSWORD, aftercare.kafka.password",
            "GUIDANCE, AFTERCARE_KAFKA_PASSWORD, aftercare.kafka.password",
            "CONSOLE, AFTERCARE_OPERATOR_PASSWORD, aftercare.operator.password",
            "CONSOLE, AFTERCARE_CONSOLE_URL, AFTERCARE_CONSOLE_URL"})
    void aServiceStartedInProductionWithoutItsSecretStopsAndSaysWhy(AftercareService service, String secret,
            String named) throws Exception {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path log = Files.createTempFile("safe-defaults-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-Dquarkus.http.port=" + FreePorts.next(),
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/none",
                "-Dkafka.bootstrap.servers=127.0.0.1:" + FreePorts.next(),
                // Only the secret under test is missing (notification also needs the operator's).
                "-Daftercare.operator.password=" + (secret.equals("AFTERCARE_OPERATOR_PASSWORD") ? "" : "set")));
        if (!secret.equals("TWILIO_AUTH_TOKEN")) {
            // Else the first missing value named would be the token, not the secret under test.
            command.add("-Daftercare.twilio.auth-token=set");
        }
        if (!secret.equals("AFTERCARE_KAFKA_PASSWORD")) {
            command.add("-Daftercare.kafka.password=set");
        }
        command.addAll(List.of("-jar", service.runJar(repository).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (!secret.equals("AFTERCARE_ADMIN_PASSWORD")) {
            // guidance checks its built-in users before anything else: the admin's missing would hide the rest.
            builder.environment().put("AFTERCARE_ADMIN_PASSWORD", "set");
        }
        if (!secret.equals("AFTERCARE_CONSOLE_URL")) {
            // The console's address (its links start with it) has no default in production either.
            builder.environment().put("AFTERCARE_CONSOLE_URL", "https://console.clinic.example");
        }
        // The console's key is checked only once its database answers, which none does here: it is given.
        builder.environment().put("AFTERCARE_CONSOLE_TOKEN_PRIVATE_KEY", ConsoleTokenKeys.generate().privateKeyPem());
        builder.environment().remove(secret);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(service + " stopped by itself").isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains(named);
        } finally {
            process.destroyForcibly();
        }
    }
}
