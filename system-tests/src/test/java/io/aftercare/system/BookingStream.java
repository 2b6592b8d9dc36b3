package io.aftercare.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.aftercare.localstack.MiddayZone;

/**
 * Bookings arriving continuously, as a clinic's system sends them: each a new patient whose treatment ends now, in a
 * zone where it is early afternoon, so its first text is due at once. Keeps the ones answered 2xx. Given several
 * instances of scheduling, it spreads the bookings over them in turn, as a load balancer would, and a booking whose
 * instance cannot be reached (connection refused or lost: it died) is sent again to the next one. A PUT of a booking
 * is idempotent, so one that did arrive before the connection was lost is not booked twice.
 */
final class BookingStream implements AutoCloseable {

    /** A booking the API accepted: its patient's number and when its first text is due. */
    record Accepted(String phone, Instant due) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<Accepted> accepted = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger sentAgain = new AtomicInteger();
    private final List<String> baseUrls;
    private final String clinic;
    private final String authorization;

    private BookingStream(List<String> baseUrls, String clinic, String apiKey) {
        this.baseUrls = List.copyOf(baseUrls);
        this.clinic = clinic;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((clinic + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    static BookingStream start(String baseUrl, String clinic, String apiKey, int perSecond) {
        return start(List.of(baseUrl), clinic, apiKey, perSecond);
    }

    /** @param baseUrls the instances of scheduling, taken in turn */
    static BookingStream start(List<String> baseUrls, String clinic, String apiKey, int perSecond) {
        BookingStream stream = new BookingStream(baseUrls, clinic, apiKey);
        stream.clock.scheduleAtFixedRate(stream::post, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return stream;
    }

    /** {@code count} bookings at once, as a clinic's system catching up on a day's bookings would send them. */
    void burst(int count) {
        for (int i = 0; i < count; i++) {
            clock.execute(this::post);
        }
    }

    private void post() {
        int n = next.getAndIncrement();
        String phone = String.format("+4670%07d", n);
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {
                  "patient": {"firstName": "Elin", "phone": "%s", "locale": "en", "timeZone": "%s",
                              "preferredChannel": "sms", "consent": {"sms": true, "email": false}},
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(phone, MiddayZone.now(), end.minusMinutes(45), end);
        send(n, body, new Accepted(phone, end.toInstant()), n % baseUrls.size(), 0);
    }

    /** Sends the booking to instance {@code instance}, and on to the next if that one cannot be reached. */
    private void send(int n, String body, Accepted booking, int instance, int tries) {
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(baseUrls.get(instance) + "/v1/clinics/" + clinic + "/bookings/fault-" + n))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                synchronized (accepted) {
                    accepted.add(booking);
                }
            } else if (failure != null && unreachable(failure) && tries + 1 < baseUrls.size()) {
                sentAgain.incrementAndGet();
                send(n, body, booking, (instance + 1) % baseUrls.size(), tries + 1);
            } else {
                refused.incrementAndGet();
            }
        });
    }

    /** The instance is not there (refused) or went away mid-request (reset, closed): another one may answer. */
    private static boolean unreachable(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        return cause instanceof java.io.IOException && !(cause instanceof java.net.http.HttpTimeoutException);
    }

    int acceptedCount() {
        synchronized (accepted) {
            return accepted.size();
        }
    }

    List<Accepted> acceptedSince(int index) {
        synchronized (accepted) {
            return List.copyOf(accepted.subList(index, accepted.size()));
        }
    }

    /** Bookings not accepted (refused, or no answer while a service or the database was away). */
    int refused() {
        return refused.get();
    }

    /** Bookings sent again to another instance, the first one they went to being unreachable. */
    int sentAgain() {
        return sentAgain.get();
    }

    @Override
    public void close() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Whether every booking sent so far has its answer (accepted or refused), resends included. */
    boolean allAnswered() {
        return acceptedCount() + refused() >= next.get();
    }
}
