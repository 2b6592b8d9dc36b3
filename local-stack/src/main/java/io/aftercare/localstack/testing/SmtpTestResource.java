package io.aftercare.localstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the Quarkus mailer at the shared SMTP server; tests read what arrived through {@link SharedTestInfrastructure}. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                String.valueOf(SharedTestInfrastructure.smtp().port()), "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
