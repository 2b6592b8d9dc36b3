package io.aftercare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * What the fault and scale-out tests run alike: the packaged services on the local stack in a directory of their own
 * (logs kept under {@code aftercare.logs} when the build names it), texting through a Twilio-speaking fake provider
 * that answers as slowly as real ones do.
 */
final class TextingStack {

    /** What real provider APIs take to answer. */
    static final Duration PROVIDER_LATENCY = Duration.ofMillis(100);

    private TextingStack() {
    }

    /** A fresh data directory; the logs in {@code <aftercare.logs>/<name>}. */
    static LocalAftercare.Layout layout(String name) throws IOException {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory(name + "-test-");
        Path logs = Path.of(System.getProperty("aftercare.logs", home.resolve("logs").toString())).resolve(name);
        Path cache = Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString()));
        return new LocalAftercare.Layout(repository, home.resolve("data"), cache, logs);
    }

    /** The fake provider, answering after {@link #PROVIDER_LATENCY}. */
    static FakeTwilio provider(int port) throws IOException {
        FakeTwilio twilio = FakeTwilio.start(port);
        twilio.answerAfter(PROVIDER_LATENCY);
        return twilio;
    }

    /** Notification's configuration for texting through the fake at {@code smsPerSecond} per sender. */
    static Map<String, String> texting(FakeTwilio twilio, int smsPerSecond) {
        return Map.of("aftercare.sms.provider", "twilio", "aftercare.twilio.base-url", twilio.baseUrl(),
                "aftercare.twilio.account-sid", FakeTwilio.ACCOUNT_SID, "aftercare.twilio.auth-token",
                FakeTwilio.AUTH_TOKEN, "aftercare.delivery.sms-per-second", String.valueOf(smsPerSecond));
    }
}
