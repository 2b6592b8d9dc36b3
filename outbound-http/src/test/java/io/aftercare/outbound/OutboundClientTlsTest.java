package io.aftercare.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/**
 * The client connects to the address it checked, yet TLS still belongs to the URL's host: the server's name is sent
 * and its certificate checked against {@code localhost}, not against the address connected to. Certificates made
 * by the JDK's keytool for the test.
 */
class OutboundClientTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Vertx vertx;
    private static HttpServer rightName;
    private static HttpServer wrongName;
    private static OutboundClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Path localhost = keystore("localhost", "dns:localhost");
        Path other = keystore("other", "dns:other.example");
        rightName = server(localhost);
        wrongName = server(other);
        Path trust = trustBoth(localhost, other);
        client = new OutboundClient(vertx, new OutboundPolicy(false, true), new TestConfig(), options -> options
                .setTrustOptions(new PfxOptions().setPath(trust.toString()).setPassword(PASSWORD)));
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void httpsToTheCheckedAddressVerifiesTheUrlsHost() {
        OutboundResponse response = client
                .send(OutboundRequest.get("https://localhost:" + rightName.actualPort() + "/fhir", Map.of()))
                .join();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("sni=localhost host=localhost:" + rightName.actualPort());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThatThrownBy(() -> client
                .send(OutboundRequest.get("https://localhost:" + wrongName.actualPort() + "/fhir", Map.of()))
                .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(OutboundFailure.class)
                .extracting(failure -> ((OutboundFailure) failure).publicMessage())
                .isEqualTo("refused: no connection could be made");
    }

    @Test
    void plainHttpIsRefusedWhenNotAllowed() {
        assertThatThrownBy(() -> client
                .send(OutboundRequest.get("http://localhost:" + rightName.actualPort() + "/fhir", Map.of()))
                .join())
                .cause()
                .isInstanceOf(OutboundFailure.class)
                .extracting(failure -> ((OutboundFailure) failure).publicMessage())
                .isEqualTo("refused: the address is not allowed for outbound calls");
    }

    private static HttpServer server(Path keystore) {
        return vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD)))
                .requestHandler(request -> request.response()
                        .end("sni=" + request.connection().indicatedServerName() + " host="
                                + request.authority()))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    private static Path keystore(String alias, String san) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + alias, "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12", "-keystore",
                file.toString(), "-storepass", PASSWORD);
        return file;
    }

    /** One trust store with both certificates: the wrong name must fail on its name, not on an unknown issuer. */
    private static Path trustBoth(Path... keystores) throws Exception {
        Path trust = dir.resolve("trust.p12");
        Files.deleteIfExists(trust);
        for (Path keystore : keystores) {
            String alias = keystore.getFileName().toString().replace(".p12", "");
            Path cert = dir.resolve(alias + ".cer");
            keytool("-exportcert", "-alias", alias, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                    "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-storetype", "PKCS12",
                    "-keystore", trust.toString(), "-storepass", PASSWORD);
        }
        return trust;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static final class TestConfig implements OutboundConfig {

        @Override
        public boolean allowHttp() {
            return false;
        }

        @Override
        public boolean allowLoopback() {
            return true;
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(3);
        }

        @Override
        public Duration totalTimeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public int maxResponseBytes() {
            return 65536;
        }
    }
}
