package io.aftercare.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Calls URLs a clinic gave us under {@link OutboundPolicy}: the host is resolved here, every address checked, and the
 * connection made to the checked address ({@link RequestOptions#setServer}), while the Host header, TLS server name
 * and certificate check still use the URL's host. The JDK's {@code java.net.http.HttpClient} cannot be told which
 * address to connect to (it resolves again itself, which is what DNS rebinding exploits); the Vert.x client every
 * Quarkus service already carries can. Redirects are never followed, the connection and the whole call have their
 * own bounds, and an answer longer than the limit is cut off and refused rather than read.
 */
@ApplicationScoped
public class OutboundClient {

    private final Vertx vertx;
    private final OutboundPolicy policy;
    private final OutboundConfig config;
    /** For hosts that are names: the name is always sent as the TLS server name (SNI). */
    private final HttpClient byName;
    /** For IP literals, which TLS does not allow as a server name. */
    private final HttpClient byAddress;

    @Inject
    public OutboundClient(Vertx vertx, OutboundPolicy policy, OutboundConfig config) {
        this(vertx, policy, config, options -> {
        });
    }

    /** @param tuning what a test changes, such as the certificates it trusts */
    OutboundClient(Vertx vertx, OutboundPolicy policy, OutboundConfig config, Consumer<HttpClientOptions> tuning) {
        this.vertx = vertx;
        this.policy = policy;
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // The certificate is checked against the URL's host (the request's authority), not the address.
                .setVerifyHost(true)
                .setMaxPoolSize(8);
        tuning.accept(options);
        // The JDK sends a server name by itself only for names with a dot; a name we connect to always gets one.
        this.byName = vertx.createHttpClient(new HttpClientOptions(options).setForceSni(true));
        this.byAddress = vertx.createHttpClient(options);
    }

    /**
     * Completes with the answer, whatever its status, or exceptionally with an {@link OutboundFailure}; never
     * blocks the caller (the look-up runs on a worker, the call on the event loop).
     */
    public CompletableFuture<OutboundResponse> send(OutboundRequest request) {
        CompletableFuture<OutboundResponse> result = new CompletableFuture<>();
        URI uri;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(OutboundFailure.notAllowed("not a URL"));
            return result;
        }
        if (!policy.schemeAllowed(uri.getScheme()) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            result.completeExceptionally(OutboundFailure.notAllowed("scheme, user info or host not allowed"));
            return result;
        }
        long timeoutMs = (request.timeout() == null ? config.totalTimeout() : request.timeout()).toMillis();
        AtomicReference<HttpClientRequest> open = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (result.completeExceptionally(OutboundFailure.timedOut(timeoutMs))) {
                HttpClientRequest pending = open.get();
                if (pending != null) {
                    pending.reset();
                }
            }
        });
        result.whenComplete((response, failure) -> vertx.cancelTimer(timer));

        String host = uri.getHost();
        vertx.<InetAddress>executeBlocking(() -> checkedAddress(host), false)
                .onFailure(result::completeExceptionally)
                .onSuccess(address -> call(request, uri, address, open, result));
        return result;
    }

    private InetAddress checkedAddress(String host) {
        try {
            List<InetAddress> addresses = policy.addresses(host);
            return addresses.get(0);
        } catch (UnknownHostException e) {
            throw new OutboundFailure(OutboundFailure.Kind.REFUSED, "refused: the host name does not resolve",
                    "unknown host", e);
        }
    }

    private void call(OutboundRequest request, URI uri, InetAddress address, AtomicReference<HttpClientRequest> open,
            CompletableFuture<OutboundResponse> result) {
        if (result.isDone()) {
            return;
        }
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        HttpClient http = HostForms.literal(host).isPresent() ? byAddress : byName;
        http.request(options(request, uri, host, address)).compose(sending -> {
            open.set(sending);
            if (result.isDone()) {
                sending.reset();
            }
            return request.body() == null ? sending.send() : sending.send(request.body());
        }).onFailure(failure -> result.completeExceptionally(OutboundFailure.connection(failure)))
                .onSuccess(response -> read(response, result));
    }

    /** To the address already checked, whatever the name resolves to by now; the name still goes in Host and SNI. */
    private RequestOptions options(OutboundRequest request, URI uri, String host, InetAddress address) {
        boolean ssl = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(path)
                .setConnectTimeout(config.connectTimeout().toMillis());
        request.headers().forEach(options::putHeader);
        return options;
    }

    /** Reads the answer up to {@code maxResponseBytes}; a longer one is cut off and fails. */
    private void read(HttpClientResponse response, CompletableFuture<OutboundResponse> result) {
        int limit = config.maxResponseBytes();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                if (result.completeExceptionally(OutboundFailure.tooLarge(limit))) {
                    response.request().reset();
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(failure -> result.completeExceptionally(OutboundFailure.connection(failure)));
        response.endHandler(end -> result.complete(new OutboundResponse(response.statusCode(), body.getBytes())));
    }

    @PreDestroy
    void close() {
        byName.close();
        byAddress.close();
    }
}
