package io.aftercare.localstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service's Kafka clients at the shared in-process broker. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** The setting under which a test finds the broker's log segments. */
    public static final String LOG_DIRECTORY = "aftercare.test.kafka-log-directory";

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedTestInfrastructure.kafka().bootstrapServers(), LOG_DIRECTORY,
                SharedTestInfrastructure.kafka().logDirectory().toString());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
