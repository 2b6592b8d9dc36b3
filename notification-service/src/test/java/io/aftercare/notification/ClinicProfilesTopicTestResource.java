package io.aftercare.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.aftercare.localstack.testing.SharedTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates {@code clinic-profiles} and its dead-letter topic on the shared broker before the service starts, as a
 * deployment does: local-stack's {@code LocalKafka.TOPICS} does not list them yet, and a consumer left to create its
 * own topic was seen to sit on its partitions without fetching. Drop this once LocalKafka lists the topic.
 */
public class ClinicProfilesTopicTestResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> TOPICS = List.of("clinic-profiles", "clinic-profiles-dlt");

    @Override
    public Map<String, String> start() {
        String bootstrap = SharedTestInfrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 3, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create " + TOPICS, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the shared broker outlives every test class of this JVM
    }
}
