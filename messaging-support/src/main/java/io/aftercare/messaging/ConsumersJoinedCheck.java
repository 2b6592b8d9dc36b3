package io.aftercare.messaging;

import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;

/**
 * Ready only once every consumer that reports to {@link ConsumerAssignments} has joined its group: before that the
 * service would answer "ready" while no event reaches it (after a restart, until the broker hands the partitions back).
 * Says, per topic, how many partitions this instance reads, and when it reads none, that it idles for that topic.
 */
@Readiness
@ApplicationScoped
public class ConsumersJoinedCheck implements HealthCheck {

    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String LISTENER = ".consumer-rebalance-listener.name";

    private final ConsumerAssignments assignments;

    public ConsumersJoinedCheck(@Identifier(ConsumerAssignments.NAME) ConsumerAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> topics = watchedTopics();
        List<String> waiting = topics.stream().filter(topic -> !assignments.joined(topic)).toList();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("Kafka consumer groups joined")
                .status(waiting.isEmpty())
                .withData("waiting", waiting.isEmpty() ? "none" : String.join(", ", waiting));
        topics.stream().filter(assignments::joined).forEach(topic -> answer.withData(topic, partitions(topic)));
        return answer.build();
    }

    /**
     * What this instance reads of the topic. One with none is still ready: its group has more members than the topic
     * has partitions, so it takes in no events until another member leaves, while its other work (a notification
     * instance's delivery workers, a scheduling instance's dispatcher and REST) goes on.
     */
    String partitions(String topic) {
        long held = assignments.held(topic);
        return held > 0
                ? held + " partition(s)"
                : "none: idle for this topic, the other instances hold every partition (add partitions to spread it)";
    }

    /** The topics of the channels configured with the {@link ConsumerAssignments} listener. */
    static List<String> watchedTopics() {
        Config config = ConfigProvider.getConfig();
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(PREFIX) && name.endsWith(LISTENER))
                .filter(name -> ConsumerAssignments.NAME.equals(config.getOptionalValue(name, String.class)
                        .orElse(null)))
                .map(name -> name.substring(PREFIX.length(), name.length() - LISTENER.length()))
                .map(channel -> config.getOptionalValue(PREFIX + channel + ".topic", String.class).orElse(channel))
                .distinct()
                .sorted()
                .toList();
    }
}
