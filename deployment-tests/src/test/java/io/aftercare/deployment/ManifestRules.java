package io.aftercare.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.aftercare.deployment.KubernetesManifests.Kustomization;
import io.aftercare.deployment.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What every manifest must say. Each rule returns what is wrong, one line per finding that names the file, the
 * resource and the container, so that a failing build says what to fix.
 */
final class ManifestRules {

    /** Images of the services are {@code <anything>/<module>[:tag]}. */
    private static final String IMAGE_OF = "([^/]+/)*%s(:.*)?";
    /** Environment variables whose value is a secret, by name. */
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern
            .compile(".*(PASSWORD|TOKEN|SECRET|_KEYS|CREDENTIAL).*");

    private final KubernetesManifests manifests;
    private final Map<String, ServiceConfiguration> services;

    ManifestRules(KubernetesManifests manifests, Map<String, ServiceConfiguration> services) {
        this.manifests = manifests;
        this.services = services;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(kustomizationsListEveryFile());
        problems.addAll(workloadsRunKnownImages());
        problems.addAll(probesOnTheHealthEndpoints());
        problems.addAll(resourcesRequestedAndLimited());
        problems.addAll(secretsFromSecrets());
        problems.addAll(referencesResolve());
        problems.addAll(nothingRunsAsRoot());
        problems.addAll(disruptionBudgetPerWorkload());
        problems.addAll(instanceIdFromThePodName());
        problems.addAll(environmentIsWhatTheServicesRead());
        problems.addAll(servicesSelectPods());
        problems.addAll(setupJobRunsTheSetupScript());
        return problems;
    }

    /** A file no kustomization lists is never applied; a listed file that is not there fails the apply. */
    List<String> kustomizationsListEveryFile() {
        List<String> problems = new ArrayList<>();
        Set<Path> listed = new TreeSet<>();
        for (Kustomization kustomization : manifests.kustomizations()) {
            for (String resource : kustomization.resources()) {
                Path file = kustomization.file().resolveSibling(resource).normalize();
                listed.add(file);
                if (!Files.exists(file)) {
                    problems.add(KubernetesManifests.ROOT.relativize(kustomization.file()) + " lists " + resource
                            + ", which is not there");
                }
            }
        }
        manifests.all()
                .stream()
                .map(Manifest::file)
                .distinct()
                .filter(file -> !listed.contains(file.normalize()))
                .forEach(file -> problems
                        .add(KubernetesManifests.ROOT.relativize(file) + " is in no kustomization's resources"));
        return problems;
    }

    /** Every Deployment and StatefulSet runs one of the services (a Job may run a tool). */
    List<String> workloadsRunKnownImages() {
        List<String> problems = new ArrayList<>();
        forEachLongRunningContainer((manifest, container) -> {
            if (service(container).isEmpty()) {
                problems.add(manifest.describe() + ": container " + container.getName() + " runs "
                        + container.getImage() + ", which is none of the services " + services.keySet());
            }
        });
        return problems;
    }

    /** Liveness on /q/health/live and readiness on /q/health/ready, on the port that serves them. */
    List<String> probesOnTheHealthEndpoints() {
        List<String> problems = new ArrayList<>();
        forEachLongRunningContainer((manifest, container) -> service(container).ifPresent(service -> {
            String where = manifest.describe() + ": container " + container.getName();
            if (!service.servesHealth()) {
                problems.add(where + ": " + service.module() + " has no health endpoints (quarkus-smallrye-health)");
            }
            probe(where, "liveness", container.getLivenessProbe(), service.healthPath() + "/live", service,
                    container, true).ifPresent(problems::add);
            probe(where, "readiness", container.getReadinessProbe(), service.healthPath() + "/ready", service,
                    container, true).ifPresent(problems::add);
            probe(where, "startup", container.getStartupProbe(), service.healthPath() + "/started", service,
                    container, false).ifPresent(problems::add);
        }));
        return problems;
    }

    private static Optional<String> probe(String where, String kind, Probe probe, String path,
            ServiceConfiguration service, Container container, boolean required) {
        if (probe == null) {
            return required ? Optional.of(where + " has no " + kind + " probe") : Optional.empty();
        }
        if (probe.getHttpGet() == null) {
            return Optional.of(where + ": the " + kind + " probe is not an HTTP GET of " + path);
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            return Optional.of(where + ": the " + kind + " probe asks " + probe.getHttpGet().getPath() + ", but "
                    + service.module() + " answers " + kind + " at " + path);
        }
        Integer port = port(container, probe.getHttpGet().getPort());
        if (port == null || port != service.healthPort()) {
            return Optional.of(where + ": the " + kind + " probe asks port " + portText(probe.getHttpGet().getPort())
                    + " (" + port + "), but " + service.module() + " serves health on " + service.healthPort());
        }
        return Optional.empty();
    }

    /** Requests and limits of CPU and memory on every container, requests no larger than limits. */
    List<String> resourcesRequestedAndLimited() {
        List<String> problems = new ArrayList<>();
        forEachContainer((manifest, container) -> {
            String where = manifest.describe() + ": container " + container.getName();
            ResourceRequirements resources = container.getResources();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = resources == null || resources.getRequests() == null
                        ? null
                        : resources.getRequests().get(resource);
                Quantity limit = resources == null || resources.getLimits() == null
                        ? null
                        : resources.getLimits().get(resource);
                if (request == null) {
                    problems.add(where + " requests no " + resource);
                }
                if (limit == null) {
                    problems.add(where + " has no " + resource + " limit");
                }
                if (request != null && limit != null
                        && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(where + " requests more " + resource + " (" + request + ") than its limit (" + limit
                            + ")");
                }
            }
        });
        return problems;
    }

    /**
     * A secret's variable takes its value from a Secret, never from the manifest; every Secret key referred to exists
     * (in a manifest, or in the documented prerequisite {@code deploy/kubernetes/<name>.env.example}); and no manifest
     * carries a Secret's values, which would be a default password in git.
     */
    List<String> secretsFromSecrets() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> secrets = definedSecrets();
        for (Secret secret : manifests.of(Secret.class)) {
            if (!isEmpty(secret.getData()) || !isEmpty(secret.getStringData())) {
                problems.add("Secret " + secret.getMetadata().getName()
                        + " carries values in the repository: create it from the environment instead");
            }
        }
        forEachContainer((manifest, container) -> {
            String where = manifest.describe() + ": container " + container.getName();
            for (EnvVar variable : env(container)) {
                var secretRef = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                if (SECRET_NAME.matcher(variable.getName()).matches() && secretRef == null) {
                    problems.add(where + ": " + variable.getName() + " is a secret but not taken from a Secret");
                }
                if (secretRef != null) {
                    Set<String> keys = secrets.get(secretRef.getName());
                    if (keys == null) {
                        problems.add(where + ": " + variable.getName() + " refers to Secret " + secretRef.getName()
                                + ", which no manifest or prerequisite defines");
                    } else if (!keys.contains(secretRef.getKey())) {
                        problems.add(where + ": " + variable.getName() + " refers to key " + secretRef.getKey()
                                + " of Secret " + secretRef.getName() + ", which has only " + keys);
                    }
                    if (Boolean.TRUE.equals(secretRef.getOptional())) {
                        problems.add(where + ": " + variable.getName() + " takes an optional secret");
                    }
                }
            }
            if (container.getEnvFrom() != null && !container.getEnvFrom().isEmpty()) {
                problems.add(where + " uses envFrom: name each variable, so that each can be checked");
            }
        });
        return problems;
    }

    /** The Secrets there are: those of the manifests, and the documented prerequisites with their keys. */
    Map<String, Set<String>> definedSecrets() {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Secret secret : manifests.of(Secret.class)) {
            secrets.put(secret.getMetadata().getName(), new TreeSet<>());
        }
        try (Stream<Path> files = Files.list(KubernetesManifests.ROOT)) {
            for (Path example : files.filter(f -> f.toString().endsWith(".env.example")).toList()) {
                Set<String> keys = new TreeSet<>();
                for (String line : Files.readAllLines(example)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        keys.add(line.substring(0, line.indexOf('=')).strip());
                    }
                }
                secrets.put(example.getFileName().toString().replace(".env.example", ""), keys);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    /** Every ConfigMap key and volume a pod refers to exists (a missing one keeps the pod from starting). */
    List<String> referencesResolve() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (ConfigMap configMap : manifests.of(ConfigMap.class)) {
            configMaps.put(configMap.getMetadata().getName(),
                    configMap.getData() == null ? Set.of() : configMap.getData().keySet());
        }
        manifests.kustomizations()
                .forEach(k -> k.generatedConfigMaps().forEach((name, keys) -> configMaps.put(name, Set.copyOf(keys))));
        Map<String, Set<String>> secrets = definedSecrets();
        List<String> problems = new ArrayList<>();
        forEachContainer((manifest, container) -> {
            String where = manifest.describe() + ": container " + container.getName();
            for (EnvVar variable : env(container)) {
                var ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getConfigMapKeyRef();
                if (ref != null && !configMaps.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                    problems.add(where + ": " + variable.getName() + " refers to key " + ref.getKey()
                            + " of ConfigMap " + ref.getName() + ", which no manifest defines");
                }
            }
        });
        manifests.podTemplates().forEach((manifest, template) -> {
            List<Volume> volumes = template.getSpec().getVolumes() == null
                    ? List.of()
                    : template.getSpec().getVolumes();
            for (Volume volume : volumes) {
                if (volume.getConfigMap() != null && !configMaps.containsKey(volume.getConfigMap().getName())) {
                    problems.add(manifest.describe() + ": volume " + volume.getName() + " mounts ConfigMap "
                            + volume.getConfigMap().getName() + ", which no manifest defines");
                }
                if (volume.getSecret() != null && !secrets.containsKey(volume.getSecret().getSecretName())) {
                    problems.add(manifest.describe() + ": volume " + volume.getName() + " mounts Secret "
                            + volume.getSecret().getSecretName() + ", which no manifest or prerequisite defines");
                }
            }
        });
        return problems;
    }

    /**
     * runAsNonRoot on every pod, no UID 0 anywhere, no privilege escalation, no capability, a read-only root
     * filesystem, nothing of the host's.
     */
    List<String> nothingRunsAsRoot() {
        List<String> problems = new ArrayList<>();
        manifests.podTemplates().forEach((manifest, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            if (podContext == null || !Boolean.TRUE.equals(podContext.getRunAsNonRoot())) {
                problems.add(manifest.describe() + ": the pod does not say runAsNonRoot: true");
            }
            if (podContext != null && Objects.equals(podContext.getRunAsUser(), 0L)) {
                problems.add(manifest.describe() + ": the pod runs as UID 0");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(manifest.describe() + ": the pod shares the host's network, processes or IPC");
            }
        });
        forEachContainer((manifest, container) -> {
            String where = manifest.describe() + ": container " + container.getName();
            SecurityContext context = container.getSecurityContext();
            if (context == null) {
                problems.add(where + " has no securityContext");
                return;
            }
            if (Objects.equals(context.getRunAsUser(), 0L)) {
                problems.add(where + " runs as UID 0");
            }
            if (Boolean.FALSE.equals(context.getRunAsNonRoot())) {
                problems.add(where + " says runAsNonRoot: false");
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                problems.add(where + " does not say allowPrivilegeEscalation: false");
            }
            if (Boolean.TRUE.equals(context.getPrivileged())) {
                problems.add(where + " is privileged");
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                problems.add(where + " does not say readOnlyRootFilesystem: true");
            }
            if (context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                    || !context.getCapabilities().getDrop().contains("ALL")) {
                problems.add(where + " does not drop ALL capabilities");
            } else if (context.getCapabilities().getAdd() != null && !context.getCapabilities().getAdd().isEmpty()) {
                problems.add(where + " adds capabilities " + context.getCapabilities().getAdd());
            }
        });
        return problems;
    }

    /** A PodDisruptionBudget covers every Deployment and StatefulSet, and lets at least one pod go at a time. */
    List<String> disruptionBudgetPerWorkload() {
        List<String> problems = new ArrayList<>();
        List<PodDisruptionBudget> budgets = manifests.of(PodDisruptionBudget.class);
        for (Manifest manifest : manifests.all()) {
            Integer replicas;
            if (manifest.resource() instanceof Deployment deployment) {
                replicas = deployment.getSpec().getReplicas();
            } else if (manifest.resource() instanceof StatefulSet statefulSet) {
                replicas = statefulSet.getSpec().getReplicas();
            } else {
                continue;
            }
            Map<String, String> labels = KubernetesManifests.templateOf(manifest.resource())
                    .map(PodTemplateSpec::getMetadata)
                    .map(meta -> meta.getLabels())
                    .orElse(Map.of());
            List<PodDisruptionBudget> covering = budgets.stream()
                    .filter(budget -> budget.getSpec().getSelector() != null
                            && budget.getSpec().getSelector().getMatchLabels() != null
                            && labels.entrySet()
                                    .containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            if (covering.isEmpty()) {
                problems.add(manifest.describe() + " has no PodDisruptionBudget");
            }
            for (PodDisruptionBudget budget : covering) {
                IntOrString min = budget.getSpec().getMinAvailable();
                IntOrString max = budget.getSpec().getMaxUnavailable();
                boolean blocksEveryEviction = min != null && min.getIntVal() != null && replicas != null
                        && min.getIntVal() >= replicas
                        || max != null && Objects.equals(max.getIntVal(), 0);
                if (blocksEveryEviction) {
                    problems.add(manifest.describe() + ": PodDisruptionBudget " + budget.getMetadata().getName()
                            + " lets no pod be evicted, so no node can be drained");
                }
            }
        }
        return problems;
    }

    /** A service that reads an instance id gets its pod's name: unique per running process, as it must be. */
    List<String> instanceIdFromThePodName() {
        List<String> problems = new ArrayList<>();
        forEachLongRunningContainer((manifest, container) -> service(container).ifPresent(service -> {
            if (!service.readsProperty("aftercare.instance-id")) {
                return;
            }
            boolean fromPodName = env(container).stream()
                    .filter(variable -> service.reads(variable.getName()) && ServiceConfiguration
                            .environmentName("aftercare.instance-id")
                            .equals(variable.getName()))
                    .anyMatch(variable -> variable.getValueFrom() != null
                            && variable.getValueFrom().getFieldRef() != null
                            && "metadata.name".equals(variable.getValueFrom().getFieldRef().getFieldPath()));
            if (!fromPodName) {
                problems.add(manifest.describe() + ": container " + container.getName()
                        + " does not take AFTERCARE_INSTANCE_ID from the pod's name (fieldRef metadata.name)");
            }
        }));
        return problems;
    }

    /** Each service's environment names only what it reads and everything it needs in production. */
    List<String> environmentIsWhatTheServicesRead() {
        List<String> problems = new ArrayList<>();
        forEachLongRunningContainer((manifest, container) -> service(container).ifPresent(service -> problems
                .addAll(EnvironmentRules.check(manifest.describe() + ": container " + container.getName(), service,
                        env(container).stream().map(EnvVar::getName).toList()))));
        return problems;
    }

    /** Every Service selects the pods of a workload, on a port they have. */
    List<String> servicesSelectPods() {
        List<String> problems = new ArrayList<>();
        for (Service service : manifests.of(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<PodTemplateSpec> selected = manifests.podTemplates()
                    .values()
                    .stream()
                    .filter(template -> selector != null && template.getMetadata().getLabels() != null
                            && template.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add("Service " + service.getMetadata().getName() + " selects no pods");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                for (PodTemplateSpec template : selected) {
                    boolean served = template.getSpec()
                            .getContainers()
                            .stream()
                            .anyMatch(container -> port(container, port.getTargetPort()) != null);
                    if (!served) {
                        problems.add("Service " + service.getMetadata().getName() + " sends port " + port.getPort()
                                + " to " + portText(port.getTargetPort()) + ", which its pods do not have");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The Job that sets the broker up runs a copy of ops/kafka/setup.sh (kustomize reads no file outside its folder):
     * the copy must be the script, and the Job's environment what the script reads.
     */
    List<String> setupJobRunsTheSetupScript() {
        List<String> problems = new ArrayList<>();
        Path copy = KubernetesManifests.ROOT.resolve("kafka-setup/setup.sh");
        try {
            if (!Files.exists(copy) || Files.mismatch(copy, EnvironmentRules.SETUP_SCRIPT) != -1) {
                problems.add(KubernetesManifests.ROOT.relativize(copy)
                        + " differs from ops/kafka/setup.sh: cp ops/kafka/setup.sh " + copy.getParent().getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        forEachContainer((manifest, container) -> {
            boolean runsSetup = (container.getCommand() == null ? List.<String>of() : container.getCommand()).stream()
                    .anyMatch(part -> part.endsWith("setup.sh"));
            if (runsSetup) {
                problems.addAll(EnvironmentRules.checkSetupScript(
                        manifest.describe() + ": container " + container.getName(),
                        env(container).stream().map(EnvVar::getName).toList()));
            }
        });
        return problems;
    }

    private Optional<ServiceConfiguration> service(Container container) {
        return services.values()
                .stream()
                .filter(service -> container.getImage() != null
                        && container.getImage().matches(String.format(IMAGE_OF, service.module())))
                .findFirst();
    }

    private static List<EnvVar> env(Container container) {
        return container.getEnv() == null ? List.of() : container.getEnv();
    }

    /** The port number a probe or a Service means, a named one looked up in the container's ports. */
    private static Integer port(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        List<ContainerPort> ports = container.getPorts() == null ? List.of() : container.getPorts();
        if (port.getIntVal() != null) {
            return ports.stream()
                    .map(ContainerPort::getContainerPort)
                    .filter(port.getIntVal()::equals)
                    .findFirst()
                    .orElse(null);
        }
        return ports.stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElse(null);
    }

    private static String portText(IntOrString port) {
        return port == null ? "none" : port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private void forEachContainer(java.util.function.BiConsumer<Manifest, Container> action) {
        manifests.podTemplates().forEach((manifest, template) -> {
            Stream.concat(
                    template.getSpec().getInitContainers() == null
                            ? Stream.empty()
                            : template.getSpec().getInitContainers().stream(),
                    template.getSpec().getContainers().stream())
                    .forEach(container -> action.accept(manifest, container));
        });
    }

    private void forEachLongRunningContainer(java.util.function.BiConsumer<Manifest, Container> action) {
        manifests.podTemplates().forEach((manifest, template) -> {
            if (manifest.resource() instanceof Deployment || manifest.resource() instanceof StatefulSet) {
                template.getSpec().getContainers().forEach(container -> action.accept(manifest, container));
            }
        });
    }
}
