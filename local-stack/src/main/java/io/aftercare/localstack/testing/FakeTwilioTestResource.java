package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.aftercare.localstack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service's SMS provider at a {@link FakeTwilio} speaking Twilio's wire format. */
public class FakeTwilioTestResource implements QuarkusTestResourceLifecycleManager {

    private static FakeTwilio fake;

    @Override
    public synchronized Map<String, String> start() {
        if (fake == null) {
            try {
                fake = FakeTwilio.start(FreePorts.next());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        }
        return Map.of("aftercare.sms.provider", "twilio", "aftercare.twilio.base-url", fake.baseUrl(),
                "aftercare.twilio.account-sid", FakeTwilio.ACCOUNT_SID, "aftercare.twilio.auth-token",
                FakeTwilio.AUTH_TOKEN, "aftercare.twilio.from", "+15005550006");
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
