package io.aftercare.localstack.testing;

import java.util.HashMap;
import java.util.Map;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service's Kafka clients at the shared in-process broker. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** The setting under which a test finds the broker's log segments. */
    public static final String LOG_DIRECTORY = "aftercare.test.kafka-log-directory";

    /**
     * Followed by a broker user's name and {@code -password}: a test profile's {@code aftercare.kafka.password} reads
     * its service's from here, since the shared broker's passwords are new in each test JVM.
     */
    public static final String PASSWORD_PREFIX = "aftercare.test.kafka.";

    @Override
    public Map<String, String> start() {
        LocalKafka kafka = SharedTestInfrastructure.kafka();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put(LOG_DIRECTORY, kafka.logDirectory().toString());
        for (BrokerUser user : BrokerUser.values()) {
            if (user != BrokerUser.ADMIN) {
                config.put(PASSWORD_PREFIX + user.userName() + "-password", kafka.credentials().password(user));
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
