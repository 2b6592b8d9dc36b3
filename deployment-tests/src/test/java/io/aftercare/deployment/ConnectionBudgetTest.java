package io.aftercare.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every instance keeps a connection pool of its own, and they all share one PostgreSQL: the pools of the instances a
 * deployment runs, added up, with room for migrations, operators and monitoring, must fit its
 * {@code max_connections}. docs/running-at-scale.md works it out for two instances of each service and a third
 * notification instance; compose and the local stack set that {@code max_connections}, and the Kubernetes replicas
 * with one more notification instance fit it too.
 */
class ConnectionBudgetTest {

    /** Superusers' reserved connections (3), migrations, an operator's psql, monitoring. */
    static final int HEADROOM = 20;
    private static final Path REPOSITORY = ServiceConfiguration.REPOSITORY;
    private static final Pattern COMPOSE_SETTING = Pattern.compile("max_connections=(\\d+)");
    private static final Pattern LOCAL_STACK_SETTING = Pattern
            .compile("setServerConfig\\(\"max_connections\", \"(\\d+)\"\\)");

    /** What is wrong when {@code instances} of each service, with these pools, share {@code maxConnections}. */
    static List<String> problems(Map<String, Integer> pools, Map<String, Integer> instances, int maxConnections,
            String where) {
        int needed = HEADROOM;
        StringBuilder sum = new StringBuilder();
        for (Map.Entry<String, Integer> service : instances.entrySet()) {
            needed += service.getValue() * pools.get(service.getKey());
            sum.append(String.format("%d x %d (%s) + ", service.getValue(), pools.get(service.getKey()),
                    service.getKey()));
        }
        List<String> problems = new ArrayList<>();
        if (needed > maxConnections) {
            problems.add(String.format("%s: %s%d headroom = %d connections, more than max_connections %d", where, sum,
                    HEADROOM, needed, maxConnections));
        }
        return problems;
    }

    @Test
    void twoOfEachServiceAndAThirdNotificationFitComposeAndTheLocalStack() throws IOException {
        Map<String, Integer> instances = Map.of("guidance-service", 2, "scheduling-service", 2,
                "notification-service", 3);

        assertThat(problems(pools(), instances, composeMaxConnections(), "docker-compose.yml")).isEmpty();
        assertThat(problems(pools(), instances, localStackMaxConnections(), "LocalPostgres")).isEmpty();
        assertThat(composeMaxConnections()).as("compose and the local stack agree")
                .isEqualTo(localStackMaxConnections());
    }

    @Test
    void theKubernetesReplicasAndOneMoreNotificationInstanceFit() throws IOException {
        Map<String, Integer> instances = kubernetesReplicas();
        instances.merge("notification-service", 1, Integer::sum);

        assertThat(instances).containsOnlyKeys("guidance-service", "scheduling-service", "notification-service");
        assertThat(problems(pools(), instances, composeMaxConnections(), "deploy/kubernetes")).isEmpty();
    }

    @Test
    void poolsThatDoNotFitFail() throws IOException {
        Map<String, Integer> pools = new LinkedHashMap<>(pools());
        pools.put("scheduling-service", 100);

        assertThat(problems(pools, Map.of("scheduling-service", 2), 200, "here")).containsExactly(
                "here: 2 x 100 (scheduling-service) + 20 headroom = 220 connections, more than max_connections 200");
    }

    /** Each service's {@code quarkus.datasource.jdbc.max-size}, or Quarkus' default of 20. */
    static Map<String, Integer> pools() throws IOException {
        Map<String, Integer> pools = new LinkedHashMap<>();
        for (String module : List.of("guidance-service", "scheduling-service", "notification-service")) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    REPOSITORY.resolve(module).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            pools.put(module, Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size", "20")));
        }
        return pools;
    }

    static int composeMaxConnections() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(REPOSITORY.resolve("docker-compose.yml").toFile());
        Matcher setting = COMPOSE_SETTING.matcher(compose.path("services").path("postgres").path("command").toString());
        assertThat(setting.find()).as("docker-compose.yml's postgres sets max_connections").isTrue();
        return Integer.parseInt(setting.group(1));
    }

    static int localStackMaxConnections() throws IOException {
        Matcher setting = LOCAL_STACK_SETTING.matcher(Files.readString(
                REPOSITORY.resolve("local-stack/src/main/java/io/aftercare/localstack/LocalPostgres.java")));
        assertThat(setting.find()).as("LocalPostgres sets max_connections").isTrue();
        return Integer.parseInt(setting.group(1));
    }

    /** The replicas of each service's workload in the Kubernetes base, by module. */
    static Map<String, Integer> kubernetesReplicas() throws IOException {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (String service : List.of("guidance", "scheduling", "notification")) {
            Path file = KubernetesManifests.ROOT.resolve("base").resolve(service + ".yaml");
            try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                    .readValues(file.toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    String kind = document.path("kind").asText();
                    if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                        replicas.put(service + "-service", document.path("spec").path("replicas").asInt(1));
                    }
                }
            }
        }
        return replicas;
    }
}
