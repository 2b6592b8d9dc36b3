package io.aftercare.guidance.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Scheduling's session check, as far as guidance sees it: 204 for clinic-a's one key, 401 for anything else. */
public class FakeSchedulingSessions implements QuarkusTestResourceLifecycleManager {

    static final String CLINIC = "clinic-a";
    static final String KEY = "ak_test_good";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String good = "Basic " + Base64.getEncoder()
                .encodeToString((CLINIC + ":" + KEY).getBytes(StandardCharsets.UTF_8));
        server.createContext("/v1/clinics/", exchange -> {
            boolean accepted = exchange.getRequestURI().getPath().equals("/v1/clinics/" + CLINIC + "/session")
                    && good.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(accepted ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
        return Map.of("aftercare.scheduling.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
