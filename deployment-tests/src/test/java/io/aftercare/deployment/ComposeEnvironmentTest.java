package io.aftercare.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml gives each service only settings it reads and every one it needs in production, and the broker
 * setup what ops/kafka/setup.sh reads. A user who starts it gets what the file says, not a setting silently ignored.
 */
class ComposeEnvironmentTest {

    private static final Map<String, ServiceConfiguration> SERVICES = ServiceConfiguration.services();

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(ServiceConfiguration.REPOSITORY.resolve("docker-compose.yml").toFile());
    }

    /** What is wrong with the environments of the compose file's services. */
    static List<String> problems(JsonNode compose) {
        List<String> problems = new ArrayList<>();
        List<String> built = new ArrayList<>();
        compose.path("services").properties().forEach(entry -> {
            String where = "docker-compose.yml: service " + entry.getKey();
            JsonNode service = entry.getValue();
            List<String> variables = variables(service.path("environment"));
            String context = service.path("build").path("context").asText("").replaceFirst("^\\./", "");
            if (SERVICES.containsKey(context)) {
                built.add(context);
                problems.addAll(EnvironmentRules.check(where, SERVICES.get(context), variables));
            }
            if (service.path("entrypoint").toString().contains("setup.sh")) {
                problems.addAll(EnvironmentRules.checkSetupScript(where, variables));
            }
        });
        SERVICES.keySet()
                .stream()
                .filter(module -> !built.contains(module))
                .forEach(module -> problems.add("docker-compose.yml runs no service built from ./" + module));
        return problems;
    }

    /** The names of an environment given as a map or as a list of NAME=value. */
    private static List<String> variables(JsonNode environment) {
        List<String> names = new ArrayList<>();
        if (environment.isObject()) {
            environment.properties().forEach(entry -> names.add(entry.getKey()));
        } else {
            environment.forEach(item -> names.add(item.asText().replaceFirst("=.*", "")));
        }
        return names;
    }

    @Test
    void everyServiceGetsWhatItReadsAndNeeds() throws IOException {
        assertThat(problems(compose())).isEmpty();
    }

    @Test
    void aSettingNoServiceReadsFails() throws IOException {
        JsonNode compose = compose();
        environment(compose, "scheduling").put("AFTERCARE_DISPATCH_WORKER", "2");
        environment(compose, "notification").put("QUARKUS_MAILER_HOSTNAME", "mailpit");
        environment(compose, "kafka-setup").put("KAFKA_PARTITIONS", "12");

        assertThat(problems(compose)).containsExactlyInAnyOrder(
                "docker-compose.yml: service scheduling sets AFTERCARE_DISPATCH_WORKER, which scheduling-service"
                        + " does not read",
                "docker-compose.yml: service notification sets QUARKUS_MAILER_HOSTNAME, which notification-service"
                        + " does not read",
                "docker-compose.yml: service kafka-setup sets KAFKA_PARTITIONS, which ops/kafka/setup.sh does not"
                        + " read");
    }

    @Test
    void aSettingProductionNeedsMissingFails() throws IOException {
        JsonNode compose = compose();
        environment(compose, "notification").remove("TWILIO_AUTH_TOKEN");
        environment(compose, "guidance").remove("QUARKUS_DATASOURCE_PASSWORD");
        environment(compose, "scheduling").remove("QUARKUS_REST_CLIENT_GUIDANCE_URL");
        environment(compose, "kafka-setup").remove("AFTERCARE_KAFKA_SCHEDULING_PASSWORD");

        assertThat(problems(compose)).containsExactlyInAnyOrder(
                "docker-compose.yml: service notification does not set AFTERCARE_TWILIO_AUTH_TOKEN or"
                        + " TWILIO_AUTH_TOKEN, which notification-service needs: aftercare.twilio.auth-token has no"
                        + " value in production (${TWILIO_AUTH_TOKEN} without a default)",
                "docker-compose.yml: service guidance does not set QUARKUS_DATASOURCE_PASSWORD, which"
                        + " guidance-service needs: quarkus.datasource.password has no value in production",
                "docker-compose.yml: service scheduling does not set QUARKUS_REST_CLIENT_GUIDANCE_URL, which"
                        + " scheduling-service needs: quarkus.rest-client.guidance.url names this machine"
                        + " (http://localhost:8081)",
                "docker-compose.yml: service kafka-setup does not set AFTERCARE_KAFKA_SCHEDULING_PASSWORD, which"
                        + " ops/kafka/setup.sh needs (set -u)");
    }

    @Test
    void aServiceMissingFromTheFileFails() throws IOException {
        JsonNode compose = compose();
        ((ObjectNode) compose.path("services")).remove("guidance");

        assertThat(problems(compose))
                .containsExactly("docker-compose.yml runs no service built from ./guidance-service");
    }

    private static ObjectNode environment(JsonNode compose, String service) {
        return (ObjectNode) compose.path("services").path(service).path("environment");
    }
}
