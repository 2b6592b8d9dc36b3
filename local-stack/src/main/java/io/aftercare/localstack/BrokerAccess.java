package io.aftercare.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What each service may do on the broker, and nothing more: only scheduling writes the topics whose events
 * notification trusts (a clinic's profile, a due reminder, a revoked key), only notification writes what it reports,
 * only guidance publishes protocols. A dead-letter topic is written by the service that consumes its source topic.
 * Consumer groups are granted by the service's name as a prefix, since instance ids are part of some group names.
 */
public final class BrokerAccess {

    /** A service's grants: the topics it writes, the topics it reads, the prefix of its consumer groups. */
    public record Grant(Set<String> writes, Set<String> reads, String groupPrefix) {
    }

    public static final Map<BrokerUser, Grant> GRANTS = Map.of(
            BrokerUser.GUIDANCE, new Grant(Set.of("protocol-published"), Set.of(), "guidance-"),
            BrokerUser.SCHEDULING, new Grant(
                    Set.of("reminders-due", "clinic-profiles", "credential-revocations", "protocol-published-dlt",
                            "recipient-preferences-dlt", "notification-status-dlt", "patient-replies-dlt",
                            "replies-handled-dlt"),
                    Set.of("protocol-published", "credential-revocations", "recipient-preferences",
                            "notification-status", "patient-replies", "replies-handled"),
                    "scheduling-"),
            BrokerUser.NOTIFICATION, new Grant(
                    Set.of("notification-status", "recipient-preferences", "patient-replies", "replies-handled",
                            "reminders-due-dlt", "clinic-profiles-dlt"),
                    Set.of("reminders-due", "clinic-profiles", "credential-revocations"), "notification-"));

    /**
     * Benchmark topics that scheduling's user may also write and create (the broker creates a topic at its first
     * write, if the writer may create it): the cost benchmark's floor app (cost-floors) publishes scheduling's events
     * signed in as scheduling, so that both pay the same for the broker's checks, to a topic of its own that nothing
     * reads; and the db-scheduler baseline of the scheduling benchmark, which publishes the same events to its own topic
     * as scheduling does. Literal names, not a prefix: a prefix {@code reminders-due} would also let scheduling write
     * {@code reminders-due-dlt}, which is notification's. Not in {@link #GRANTS}: a deployment has no such topic, and
     * its setup script, held to GRANTS, grants nothing for it.
     */
    public static final Set<String> SCHEDULING_BENCHMARK_TOPICS = Set.of("reminders-due-floor",
            "reminders-due-db-scheduler");

    private BrokerAccess() {
    }

    /** The ACLs that say the above to the broker. */
    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        GRANTS.forEach((user, grant) -> {
            grant.writes().forEach(topic -> bindings.add(allow(user, topic(topic), AclOperation.WRITE)));
            grant.reads().forEach(topic -> bindings.add(allow(user, topic(topic), AclOperation.READ)));
            if (!grant.reads().isEmpty()) {
                bindings.add(allow(user, new ResourcePattern(ResourceType.GROUP, grant.groupPrefix(),
                        PatternType.PREFIXED), AclOperation.READ));
            }
        });
        SCHEDULING_BENCHMARK_TOPICS.forEach(topic -> {
            bindings.add(allow(BrokerUser.SCHEDULING, topic(topic), AclOperation.WRITE));
            bindings.add(allow(BrokerUser.SCHEDULING, topic(topic), AclOperation.CREATE));
        });
        return bindings;
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static AclBinding allow(BrokerUser user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource,
                new AccessControlEntry(user.principal(), "*", operation, AclPermissionType.ALLOW));
    }
}
