package io.aftercare.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Every manifest under {@code deploy/kubernetes}, parsed into fabric8's Kubernetes model, and the kustomizations that
 * list them. A kind the model here does not know, or a field the model does not know (a misspelt
 * {@code readinesProbe}), is a parse error: nothing in the manifests goes unchecked because it was not understood.
 */
final class KubernetesManifests {

    static final Path ROOT = ServiceConfiguration.REPOSITORY.resolve("deploy/kubernetes");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("apps/v1 Deployment",
            Deployment.class, "apps/v1 StatefulSet", StatefulSet.class, "v1 Service", Service.class, "v1 ConfigMap",
            ConfigMap.class, "v1 Secret", Secret.class, "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "batch/v1 Job", Job.class);

    /** One resource and the file it came from. */
    record Manifest(Path file, HasMetadata resource) {

        String describe() {
            return ROOT.relativize(file) + ": " + resource.getKind() + " " + resource.getMetadata().getName();
        }
    }

    /** A kustomization: the files it lists and the ConfigMaps it generates (name and keys). */
    record Kustomization(Path file, List<String> resources, Map<String, List<String>> generatedConfigMaps) {
    }

    private final List<Manifest> manifests;
    private final List<Kustomization> kustomizations;

    private KubernetesManifests(List<Manifest> manifests, List<Kustomization> kustomizations) {
        this.manifests = manifests;
        this.kustomizations = kustomizations;
    }

    /** The repository's manifests, parsed anew (each caller may change its copy). */
    static KubernetesManifests load() {
        List<Manifest> manifests = new ArrayList<>();
        List<Kustomization> kustomizations = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    kustomizations.add(kustomization(file, text));
                } else {
                    manifests.addAll(parse(file, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KubernetesManifests(manifests, kustomizations);
    }

    /** The resources of one YAML file (one or more documents), strictly. */
    static List<Manifest> parse(Path file, String yaml) {
        List<Manifest> parsed = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("apiVersion").asText() + " " + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new IllegalArgumentException(file + ": no model here for " + kind
                            + "; add it to KubernetesManifests.KINDS and to the rules it needs");
                }
                HasMetadata resource = YAML.treeToValue(document, type);
                List<String> unknown = new ArrayList<>();
                unknownFields(resource, kind, unknown);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException(
                            file + ": fields the Kubernetes model does not know: " + unknown);
                }
                parsed.add(new Manifest(file, resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
        return parsed;
    }

    private static Kustomization kustomization(Path file, String text) throws IOException {
        JsonNode root = YAML.readTree(text);
        List<String> resources = new ArrayList<>();
        root.path("resources").forEach(resource -> resources.add(resource.asText()));
        Map<String, List<String>> generated = new LinkedHashMap<>();
        root.path("configMapGenerator").forEach(generator -> {
            List<String> keys = new ArrayList<>();
            generator.path("files").forEach(f -> keys.add(f.asText().replaceFirst("=.*", "").replaceFirst(".*/", "")));
            generator.path("literals").forEach(l -> keys.add(l.asText().replaceFirst("=.*", "")));
            generated.put(generator.path("name").asText(), keys);
        });
        return new Kustomization(file, resources, generated);
    }

    /**
     * Fields the model kept aside as "additional properties" because it has no place for them, anywhere in the
     * resource: a misspelt or misplaced key.
     */
    private static void unknownFields(Object model, String path, List<String> unknown) {
        if (model == null || !model.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            if (model instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    unknownFields(item, path + "[" + i++ + "]", unknown);
                }
            } else if (model instanceof Map<?, ?> entries) {
                entries.forEach((key, value) -> unknownFields(value, path + "." + key, unknown));
            }
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(model);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = getter.getName().substring(3);
            if (field.equals("AdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (!field.equals("AdditionalProperties")) {
                unknownFields(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1),
                        unknown);
            }
        }
    }

    List<Manifest> all() {
        return manifests;
    }

    List<Kustomization> kustomizations() {
        return kustomizations;
    }

    <T extends HasMetadata> List<T> of(Class<T> kind) {
        return manifests.stream().map(Manifest::resource).filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The workloads that run pods: name and pod template (Deployments, StatefulSets and Jobs). */
    Map<Manifest, PodTemplateSpec> podTemplates() {
        Map<Manifest, PodTemplateSpec> templates = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            templateOf(manifest.resource()).ifPresent(template -> templates.put(manifest, template));
        }
        return templates;
    }

    static Optional<PodTemplateSpec> templateOf(HasMetadata resource) {
        if (resource instanceof Deployment deployment) {
            return Optional.of(deployment.getSpec().getTemplate());
        }
        if (resource instanceof StatefulSet statefulSet) {
            return Optional.of(statefulSet.getSpec().getTemplate());
        }
        if (resource instanceof Job job) {
            return Optional.of(job.getSpec().getTemplate());
        }
        return Optional.empty();
    }

    /** The manifest of the named resource of that kind (for a test that breaks it). */
    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return of(kind).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    /** Adds parsed manifests (a test's extra, broken one). */
    void add(List<Manifest> extra) {
        manifests.addAll(extra);
    }
}
