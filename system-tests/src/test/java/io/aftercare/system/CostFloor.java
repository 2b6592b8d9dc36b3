package io.aftercare.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalPostgres;
import io.aftercare.localstack.ServiceProcess;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * The floors of the cost benchmark: the {@code cost-floors} app (built by the benchmark profile) in its own JVM with
 * the services' JVM options, doing each piece of work the barest way on the same database, broker and provider.
 */
final class CostFloor implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceProcess process;

    private CostFloor(ServiceProcess process) {
        this.process = process;
    }

    static CostFloor start(LocalAftercare aftercare, Path repository, Path logs) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", aftercare.infrastructure().postgres().jdbcUrl("scheduling"));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("floor.kafka.bootstrap-servers", aftercare.infrastructure().kafka().bootstrapServers());
        // The broker password goes through the environment, as the services get theirs, never the command line.
        Map<String, String> environment = Map.of("FLOOR_KAFKA_SASL_JAAS_CONFIG", String.valueOf(
                aftercare.infrastructure().kafka().clientConfig(BrokerUser.SCHEDULING).get("sasl.jaas.config")));
        ServiceProcess process = ServiceProcess.start("cost-floors",
                repository.resolve("cost-floors/target/quarkus-app/quarkus-run.jar"), FreePorts.next(), config,
                environment, logs);
        process.awaitReady(Duration.ofSeconds(60));
        return new CostFloor(process);
    }

    long pid() {
        return process.pid();
    }

    /** Where the floor takes the same booking PUTs as scheduling, as {@code <this><externalId>}. */
    String bookingsUrl(String clinicId) {
        return process.baseUrl() + "/floor/clinics/" + clinicId + "/bookings/";
    }

    /** Claims and publishes {@code count} due reminders of its own tables, returning when all are acknowledged. */
    void dispatch(int count) throws Exception {
        JsonNode answer = post("/floor/dispatch", Map.of("count", count));
        if (answer.path("sent").asInt() != count) {
            throw new AssertionError("the floor dispatched " + answer + " of " + count);
        }
    }

    /** Sends {@code count} texts to the provider, {@code perSecond} each second, returning when all are answered. */
    void texts(FakeTwilio twilio, int count, int perSecond) throws Exception {
        JsonNode answer = post("/floor/texts", Map.of("url", twilio.baseUrl(), "accountSid", FakeTwilio.ACCOUNT_SID,
                "authToken", FakeTwilio.AUTH_TOKEN, "from", "+15005550006", "count", count, "perSecond", perSecond));
        if (answer.path("accepted").asInt() != count) {
            throw new AssertionError("the provider accepted " + answer + " of the floor's " + count + " texts");
        }
    }

    private JsonNode post(String path, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
