package io.aftercare.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kubernetes manifests of deploy/kubernetes, parsed with fabric8's model and held to the rules of
 * {@link ManifestRules}. Each rule is also shown failing on a copy broken on purpose, so that a rule that silently
 * checks nothing would be noticed.
 */
class KubernetesManifestsTest {

    private static final Map<String, ServiceConfiguration> SERVICES = ServiceConfiguration.services();

    private static List<String> problems(KubernetesManifests manifests) {
        return new ManifestRules(manifests, SERVICES).all();
    }

    @Test
    void theManifestsBreakNoRule() {
        KubernetesManifests manifests = KubernetesManifests.load();

        assertThat(problems(manifests)).isEmpty();
        // The rules had something to look at: a workload per service, each with its budget, and the setup Job.
        assertThat(manifests.of(Deployment.class).size() + manifests.of(StatefulSet.class).size())
                .isEqualTo(SERVICES.size());
        assertThat(manifests.of(PodDisruptionBudget.class)).hasSize(SERVICES.size());
        assertThat(manifests.of(Job.class)).extracting(job -> job.getMetadata().getName())
                .containsExactly("aftercare-kafka-setup");
    }

    @Test
    void aFieldTheModelDoesNotKnowIsAParseError() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: guidance
                spec:
                  template:
                    spec:
                      containers:
                        - name: guidance
                          image: aftercare/guidance-service
                          readinesProbe:
                            httpGet: {path: /q/health/ready, port: 8081}
                """;

        assertThatThrownBy(() -> KubernetesManifests.parse(KubernetesManifests.ROOT.resolve("broken.yaml"), misspelt))
                .hasMessageContaining("readinesProbe");
        assertThatThrownBy(() -> KubernetesManifests.parse(KubernetesManifests.ROOT.resolve("broken.yaml"),
                "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\n"))
                .hasMessageContaining("no model here for apps/v1 DaemonSet");
    }

    @Test
    void aProbeMissingOrOnAPathTheServiceDoesNotServeFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        container(manifests, "scheduling").setReadinessProbe(null);
        container(manifests, "guidance").getLivenessProbe().getHttpGet().setPath("/health");
        container(manifests, "notification").getLivenessProbe().getHttpGet().setPort(new IntOrString(9000));

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling has no readiness probe",
                "base/guidance.yaml: Deployment guidance: container guidance: the liveness probe asks /health, but"
                        + " guidance-service answers liveness at /q/health/live",
                "base/notification.yaml: StatefulSet notification: container notification: the liveness probe asks"
                        + " port 9000 (null), but notification-service serves health on 8083");
    }

    @Test
    void aContainerWithoutRequestsOrLimitsFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        container(manifests, "guidance").getResources().getLimits().remove("memory");
        container(manifests, "scheduling").getResources().getRequests().put("cpu", new Quantity("4"));
        manifests.named(Job.class, "aftercare-kafka-setup")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .setResources(null);

        assertThat(problems(manifests)).contains(
                "base/guidance.yaml: Deployment guidance: container guidance has no memory limit",
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling requests more cpu (4) than its"
                        + " limit (2)",
                "kafka-setup/job.yaml: Job aftercare-kafka-setup: container kafka-setup requests no cpu",
                "kafka-setup/job.yaml: Job aftercare-kafka-setup: container kafka-setup has no memory limit");
    }

    @Test
    void aSecretInTheManifestOrFromASecretNobodyDefinesFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        EnvVar token = variable(container(manifests, "notification"), "TWILIO_AUTH_TOKEN");
        token.setValueFrom(null);
        token.setValue("change-me");
        variable(container(manifests, "guidance"), "AFTERCARE_ADMIN_PASSWORD").getValueFrom()
                .getSecretKeyRef()
                .setName("guidance-secrets");
        variable(container(manifests, "scheduling"), "AFTERCARE_SECRETS_KEYS").getValueFrom()
                .getSecretKeyRef()
                .setKey("sealing-keys");
        manifests.add(KubernetesManifests.parse(KubernetesManifests.ROOT.resolve("base/defaults.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata: {name: aftercare-defaults}
                stringData: {operator-password: operator}
                """));

        assertThat(problems(manifests)).contains(
                "base/notification.yaml: StatefulSet notification: container notification: TWILIO_AUTH_TOKEN is a"
                        + " secret but not taken from a Secret",
                "base/guidance.yaml: Deployment guidance: container guidance: AFTERCARE_ADMIN_PASSWORD refers to"
                        + " Secret guidance-secrets, which no manifest or prerequisite defines",
                "Secret aftercare-defaults carries values in the repository: create it from the environment instead");
        assertThat(problems(manifests)).anyMatch(problem -> problem.startsWith(
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling: AFTERCARE_SECRETS_KEYS refers to"
                        + " key sealing-keys of Secret aftercare-secrets, which has only"));
    }

    @Test
    void aConfigMapKeyNobodyDefinesFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        variable(container(manifests, "guidance"), "KAFKA_BOOTSTRAP_SERVERS").getValueFrom()
                .getConfigMapKeyRef()
                .setKey("kafka-servers");

        assertThat(problems(manifests)).containsExactly("base/guidance.yaml: Deployment guidance: container guidance:"
                + " KAFKA_BOOTSTRAP_SERVERS refers to key kafka-servers of ConfigMap aftercare-endpoints, which no"
                + " manifest defines");
    }

    @Test
    void runningAsRootOrWithPrivilegesFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        StatefulSet notification = manifests.named(StatefulSet.class, "notification");
        notification.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null);
        notification.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L);
        container(manifests, "guidance").getSecurityContext().setAllowPrivilegeEscalation(true);
        container(manifests, "guidance").getSecurityContext().getCapabilities().setDrop(List.of("NET_RAW"));
        container(manifests, "scheduling").getSecurityContext().setReadOnlyRootFilesystem(false);

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "base/notification.yaml: StatefulSet notification: the pod does not say runAsNonRoot: true",
                "base/notification.yaml: StatefulSet notification: the pod runs as UID 0",
                "base/guidance.yaml: Deployment guidance: container guidance does not say"
                        + " allowPrivilegeEscalation: false",
                "base/guidance.yaml: Deployment guidance: container guidance does not drop ALL capabilities",
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling does not say"
                        + " readOnlyRootFilesystem: true");
    }

    @Test
    void aWorkloadWithoutADisruptionBudgetOrWithOneThatBlocksDrainsFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        manifests.named(PodDisruptionBudget.class, "guidance").getSpec().getSelector().getMatchLabels()
                .put("app.kubernetes.io/name", "guidance-v2");
        PodDisruptionBudget scheduling = manifests.named(PodDisruptionBudget.class, "scheduling");
        scheduling.getSpec().setMaxUnavailable(null);
        scheduling.getSpec().setMinAvailable(new IntOrString(2));

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "base/guidance.yaml: Deployment guidance has no PodDisruptionBudget",
                "base/scheduling.yaml: StatefulSet scheduling: PodDisruptionBudget scheduling lets no pod be evicted,"
                        + " so no node can be drained");
    }

    @Test
    void anInstanceIdNotFromThePodNameFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        Container notification = container(manifests, "notification");
        notification.getEnv().remove(variable(notification, "AFTERCARE_INSTANCE_ID"));
        notification.getEnv().add(new EnvVarBuilder().withName("AFTERCARE_INSTANCE_ID").withValue("notification-1")
                .build());
        Container scheduling = container(manifests, "scheduling");
        scheduling.getEnv().remove(variable(scheduling, "AFTERCARE_INSTANCE_ID"));

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "base/notification.yaml: StatefulSet notification: container notification does not take"
                        + " AFTERCARE_INSTANCE_ID from the pod's name (fieldRef metadata.name)",
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling does not take"
                        + " AFTERCARE_INSTANCE_ID from the pod's name (fieldRef metadata.name)");
    }

    @Test
    void aSettingNoServiceReadsOrOneMissingThatProductionNeedsFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        Container scheduling = container(manifests, "scheduling");
        scheduling.getEnv().add(new EnvVarBuilder().withName("AFTERCARE_DISPATCH_WORKER").withValue("2").build());
        scheduling.getEnv().remove(variable(scheduling, "AFTERCARE_OPERATOR_PASSWORD"));
        Container guidance = container(manifests, "guidance");
        guidance.getEnv().remove(variable(guidance, "KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling sets AFTERCARE_DISPATCH_WORKER,"
                        + " which scheduling-service does not read",
                "base/scheduling.yaml: StatefulSet scheduling: container scheduling does not set"
                        + " AFTERCARE_OPERATOR_PASSWORD, which scheduling-service needs: aftercare.operator.password"
                        + " has no value in production (${AFTERCARE_OPERATOR_PASSWORD} without a default)",
                "base/guidance.yaml: Deployment guidance: container guidance does not set KAFKA_BOOTSTRAP_SERVERS,"
                        + " which guidance-service needs: kafka.bootstrap.servers names this machine"
                        + " (localhost:59092)");
    }

    @Test
    void aServiceThatSelectsNoPodsOrAPortTheyDoNotHaveFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        manifests.named(io.fabric8.kubernetes.api.model.Service.class, "guidance").getSpec().getPorts().get(0)
                .setTargetPort(new IntOrString("web"));
        manifests.named(io.fabric8.kubernetes.api.model.Service.class, "notification").getSpec().getSelector()
                .put("app.kubernetes.io/name", "notifications");

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "Service guidance sends port 8081 to web, which its pods do not have",
                "Service notification selects no pods");
    }

    @Test
    void theSetupJobWithAVariableTheScriptDoesNotReadOrWithoutAPasswordItNeedsFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        Container setup = manifests.named(Job.class, "aftercare-kafka-setup").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        setup.getEnv().remove(variable(setup, "AFTERCARE_KAFKA_NOTIFICATION_PASSWORD"));
        setup.getEnv().add(new EnvVarBuilder().withName("KAFKA_PARTITIONS").withValue("12").build());

        assertThat(problems(manifests)).containsExactlyInAnyOrder(
                "kafka-setup/job.yaml: Job aftercare-kafka-setup: container kafka-setup sets KAFKA_PARTITIONS, which"
                        + " ops/kafka/setup.sh does not read",
                "kafka-setup/job.yaml: Job aftercare-kafka-setup: container kafka-setup does not set"
                        + " AFTERCARE_KAFKA_NOTIFICATION_PASSWORD, which ops/kafka/setup.sh needs (set -u)");
    }

    @Test
    void aWorkloadRunningAnImageThatIsNoServiceFails() {
        KubernetesManifests manifests = KubernetesManifests.load();
        container(manifests, "guidance").setImage("aftercare/guidance:1.0");

        assertThat(problems(manifests)).anyMatch(problem -> problem.startsWith(
                "base/guidance.yaml: Deployment guidance: container guidance runs aftercare/guidance:1.0, which is"
                        + " none of the services"));
    }

    private static Container container(KubernetesManifests manifests, String workload) {
        List<Container> found = new ArrayList<>();
        manifests.podTemplates().forEach((manifest, template) -> {
            if (manifest.resource().getMetadata().getName().equals(workload)) {
                found.addAll(template.getSpec().getContainers());
            }
        });
        assertThat(found).as("containers of " + workload).hasSize(1);
        return found.get(0);
    }

    private static EnvVar variable(Container container, String name) {
        return container.getEnv()
                .stream()
                .filter(variable -> variable.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }
}
