package io.aftercare.notification.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clinic's endpoint that takes every request and answers one byte a second, as a slow or hostile receiver does: the
 * connection stays busy and never idle, so only a bound on the whole call ends it.
 */
public final class TricklingReceiver implements AutoCloseable {

    private static final byte[] ANSWER = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();

    private TricklingReceiver(ServerSocket server) {
        this.server = server;
    }

    public static TricklingReceiver start() {
        try {
            TricklingReceiver receiver = new TricklingReceiver(
                    new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread accepting = new Thread(receiver::accept, "trickling-receiver");
            accepting.setDaemon(true);
            accepting.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread answering = new Thread(() -> trickle(socket), "trickling-answer");
                answering.setDaemon(true);
                answering.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void trickle(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            if (in.read(buffer) > 0) {
                requests.incrementAndGet();
            }
            for (byte b : ANSWER) {
                out.write(b);
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException gone) {
            // the sender gave up on us: what this receiver is for
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Requests that arrived (their first bytes read). */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
