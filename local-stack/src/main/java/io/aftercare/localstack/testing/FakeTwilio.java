package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Twilio's Messages API, at the edge we do not own: a real HTTP server that speaks the wire format.
 * It checks Basic auth, parses the form-encoded {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, answers
 * Twilio-shaped JSON, and can be told to fail the next requests. {@code GET} on the same path is the Messages list,
 * filtered by {@code To} and {@code DateSent>}, as a sender asks before sending again a message it may have sent.
 * It can be told to answer after a delay ({@link #answerAfter}), as real APIs do. Tests drive and read it over HTTP too:
 * In-process, it can fail every request for a while ({@link #failFor}) or hang ({@link #hangFor}).
 * {@code POST /_fake/next} queues an answer (for one {@code to} number, or any; {@code "drop": true} takes the message
 * and closes the connection unanswered), {@code GET /_fake/requests} lists what arrived, {@code POST /_fake/reset}.
 */
public final class FakeTwilio implements AutoCloseable {

    static {
        // Without TCP_NODELAY, a request whose headers and body arrive in two segments waits ~40 ms for a delayed
        // ACK: the fake would be slower than the provider it stands for. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String ACCOUNT_SID = "AC11111111111111111111111111111111";
    public static final String AUTH_TOKEN = "fake-auth-token";

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Map<String, Object>> scripted = new ConcurrentLinkedQueue<>();
    /** How long it takes to answer a message request, as real APIs take 100-300 ms. */
    private volatile long latencyMillis;
    /** The messages it accepted, as the Messages list shows them. */
    private final List<ObjectNode> created = new CopyOnWriteArrayList<>();
    /** An outage: until then (System.nanoTime), every message request gets {@link #outageStatus}. */
    private volatile long outageUntil;
    private volatile int outageStatus;
    private volatile Map<String, String> outageHeaders = Map.of();
    /** A hang: until then, every request waits; a message request's message is taken, but its answer never comes. */
    private volatile long hangUntil;

    private FakeTwilio(HttpServer server) {
        this.server = server;
    }

    public static FakeTwilio start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        FakeTwilio fake = new FakeTwilio(server);
        server.createContext("/2010-04-01/Accounts/", fake::messages);
        server.createContext("/_fake/", fake::control);
        // A thread per request in flight: with a latency set, hundreds wait at once, as at the real provider.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return fake;
    }

    /** From now on every message request is answered after this long. */
    public void answerAfter(java.time.Duration latency) {
        latencyMillis = latency.toMillis();
    }

    /** For this long, every message request is refused with this status (500, 429, ...) and these headers. */
    public void failFor(java.time.Duration duration, int status, Map<String, String> headers) {
        outageStatus = status;
        outageHeaders = Map.copyOf(headers);
        outageUntil = System.nanoTime() + duration.toNanos();
    }

    /**
     * For this long, the provider hangs: every request waits until the hang is over. A message request's message is
     * taken (it shows in the Messages list), but its connection is then closed without an answer, as when a
     * provider's answer is lost: the sender cannot know that the message went out.
     */
    public void hangFor(java.time.Duration duration) {
        hangUntil = System.nanoTime() + duration.toNanos();
    }

    /** How many message requests arrived: cheap to ask often, unlike the whole list. */
    public int requestCount() {
        return requests.size();
    }

    /** When each message request arrived, oldest first, from the {@code from}-th on. */
    public List<Instant> requestTimes(int from) {
        List<Instant> times = new ArrayList<>();
        for (Map<String, Object> request : requests.subList(from, requests.size())) {
            times.add(Instant.parse((String) request.get("_receivedAt")));
        }
        return times;
    }

    /** The messages it took, oldest first: {@code to}, {@code body}, {@code date_created} (what the list shows). */
    public List<Map<String, String>> accepted() {
        List<Map<String, String>> messages = new ArrayList<>();
        for (ObjectNode message : created) {
            messages.add(Map.of("to", message.path("to").asText(), "body", message.path("body").asText(),
                    "date_created", message.path("date_created").asText()));
        }
        return messages;
    }

    /** Waits out a hang that is on. */
    private void waitOutHang() {
        long left;
        while ((left = hangUntil - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void messages(HttpExchange exchange) throws IOException {
        String expectedPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
        String expectedAuth = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!expectedPath.equals(exchange.getRequestURI().getPath())
                || !Set.of("POST", "GET").contains(exchange.getRequestMethod())) {
            respond(exchange, 404, error(20404, "The requested resource was not found", 404), Map.of());
            return;
        }
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, error(20003, "Authenticate", 401), Map.of());
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            waitOutHang();
            list(exchange);
            return;
        }
        create(exchange, parseForm(read(exchange.getRequestBody())));
    }

    /** A new message: answered as the fault in force (a hang, an outage, latency) or scripted for its number say. */
    private void create(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (hangUntil - System.nanoTime() > 0) {
            record(form);
            message(form);
            waitOutHang();
            exchange.close();
            return;
        }
        if (outageUntil - System.nanoTime() > 0) {
            record(form);
            respond(exchange, outageStatus, error(outageStatus == 429 ? 20429 : 20500,
                    outageStatus == 429 ? "Too Many Requests" : "Internal Server Error", outageStatus),
                    outageHeaders);
            return;
        }
        // When it arrived, not when it was answered: what a provider's rate limit counts.
        String arrived = Instant.now().toString();
        sleepQuietly(latencyMillis);
        record(form, arrived);
        Map<String, Object> next = nextScriptedFor(form.get("To"));
        if (next != null && Boolean.TRUE.equals(next.get("drop"))) {
            // Taken, and the connection lost before the answer.
            message(form);
            exchange.close();
            return;
        }
        if (next != null && next.get("sid") instanceof String sid) {
            respond(exchange, 201, message(form, sid), Map.of());
            return;
        }
        if (next != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) next.getOrDefault("headers", Map.of());
            respond(exchange, ((Number) next.get("status")).intValue(), json.writeValueAsString(next.get("body")),
                    headers);
            return;
        }
        respond(exchange, 201, message(form), Map.of());
    }

    private static void sleepQuietly(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(Map<String, String> form) {
        record(form, Instant.now().toString());
    }

    private void record(Map<String, String> form, String receivedAt) {
        Map<String, Object> seen = new LinkedHashMap<>(form);
        seen.put("_receivedAt", receivedAt);
        requests.add(seen);
    }

    /** The first queued answer meant for this number (or for any number), taken off the queue. */
    private synchronized Map<String, Object> nextScriptedFor(String to) {
        for (Map<String, Object> candidate : scripted) {
            Object target = candidate.get("to");
            if (target == null || target.equals(to)) {
                scripted.remove(candidate);
                return candidate;
            }
        }
        return null;
    }

    /**
     * The Messages list, filtered as Twilio filters it: {@code To}, and {@code DateSent} with {@code >} or {@code <}
     * (a UTC date; on or after, on or before midnight of it), newest first.
     */
    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = parseForm(exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI().getRawQuery());
        String to = query.get("To");
        String after = query.getOrDefault("DateSent>", query.get("DateSent>="));
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode message : created) {
            java.time.LocalDate sent = Instant.parse(message.path("date_created").asText())
                    .atOffset(java.time.ZoneOffset.UTC).toLocalDate();
            if ((to == null || to.equals(message.path("to").asText()))
                    && (after == null || !sent.isBefore(java.time.LocalDate.parse(after)))) {
                found.add(0, message);
            }
        }
        ObjectNode page = json.createObjectNode();
        page.set("messages", json.valueToTree(found));
        page.put("page", 0);
        page.put("page_size", 50);
        page.putNull("next_page_uri");
        respond(exchange, 200, json.writeValueAsString(page), Map.of());
    }

    private String message(Map<String, String> form) throws IOException {
        return message(form, "SM" + UUID.randomUUID().toString().replace("-", ""));
    }

    private String message(Map<String, String> form, String sid) throws IOException {
        ObjectNode message = json.createObjectNode();
        message.put("sid", sid);
        message.put("account_sid", ACCOUNT_SID);
        message.put("to", form.get("To"));
        message.put("from", form.getOrDefault("From", null));
        message.put("messaging_service_sid", form.getOrDefault("MessagingServiceSid", null));
        message.put("body", form.get("Body"));
        message.put("status", "queued");
        message.put("num_segments", "1");
        message.put("direction", "outbound-api");
        message.put("api_version", "2010-04-01");
        message.putNull("error_code");
        message.putNull("error_message");
        message.putNull("price");
        message.put("date_created", Instant.now().toString());
        message.put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json");
        created.add(message);
        return json.writeValueAsString(message);
    }

    private String error(int code, String message, int status) throws IOException {
        ObjectNode error = json.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        error.put("status", status);
        return json.writeValueAsString(error);
    }

    @SuppressWarnings("unchecked")
    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/_fake/requests" -> respond(exchange, 200, json.writeValueAsString(new ArrayList<>(requests)),
                    Map.of());
            case "/_fake/next" -> {
                scripted.add(json.readValue(read(exchange.getRequestBody()), Map.class));
                respond(exchange, 204, "", Map.of());
            }
            case "/_fake/reset" -> {
                requests.clear();
                scripted.clear();
                created.clear();
                respond(exchange, 204, "", Map.of());
            }
            default -> respond(exchange, 404, "{}", Map.of());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
