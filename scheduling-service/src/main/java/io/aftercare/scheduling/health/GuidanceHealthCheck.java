package io.aftercare.scheduling.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether guidance answers. Without it bookings are still accepted and planned later, so this service stays
 * ready: guidance being down shows as degraded in the check's data, never as DOWN.
 */
@Readiness
@ApplicationScoped
public class GuidanceHealthCheck implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI guidanceReady;

    public GuidanceHealthCheck(@ConfigProperty(name = "quarkus.rest-client.guidance.url") String guidanceUrl) {
        this.guidanceReady = URI.create(guidanceUrl + "/q/health/ready");
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try {
            reachable = http.send(HttpRequest.newBuilder(guidanceReady).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            reachable = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reachable = false;
        }
        return HealthCheckResponse.named("Guidance service")
                .up()
                .withData("guidance",
                        reachable ? "UP" : "DEGRADED: unreachable; bookings are accepted and planned later")
                .build();
    }
}
