package io.aftercare.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

import io.aftercare.localstack.MiddayZone;

/**
 * Booking PUTs at a fixed offered load: each request leaves at its own slot whether or not earlier ones have been
 * answered, as a clinic chain's systems send them, so that cost is measured at a rate the machine holds rather than
 * at whatever rate a closed loop of clients happens to reach.
 */
final class PacedBookings {

    /** HTTP/1.1, as booking systems call: Java's client would otherwise upgrade to HTTP/2 over plain text (h2c). */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private PacedBookings() {
    }

    /**
     * PUTs {@code count} bookings to {@code bookingsUrl + externalId}, {@code perSecond} each second.
     *
     * @param authorization the Authorization header, or null for none
     * @param latency where each answer's latency is recorded, or null
     * @return how many were answered 201
     */
    static int put(String bookingsUrl, String authorization, String prefix, int count, double perSecond,
            Histogram latency) throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String body = SchedulingLoad.bookingBody(MiddayZone.now(), start);
        AtomicInteger accepted = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long slot = started + (long) (i * 1e9 / perSecond);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(bookingsUrl + prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6)))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            long sent = System.nanoTime();
            answers.add(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                if (latency != null) {
                    synchronized (latency) {
                        latency.recordValue(System.nanoTime() - sent);
                    }
                }
                if (response.statusCode() == 201) {
                    accepted.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return accepted.get();
    }
}
