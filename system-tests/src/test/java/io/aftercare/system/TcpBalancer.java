package io.aftercare.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service is to its pods, for the instances of one service on this machine: each connection goes to
 * the next instance in turn, and to the one after if that one does not take it (stopped or killed, as a pod out of its
 * Service's endpoints would not be chosen). Bytes are relayed both ways until either side closes.
 */
final class TcpBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final ServerSocket server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();

    private TcpBalancer(ServerSocket server, List<Integer> ports) {
        this.server = server;
        this.ports = List.copyOf(ports);
    }

    /** Listens on {@code port} of the loopback interface, in front of the instances on {@code ports}. */
    static TcpBalancer start(int port, List<Integer> ports) throws IOException {
        TcpBalancer balancer = new TcpBalancer(new ServerSocket(port, 64, InetAddress.getLoopbackAddress()), ports);
        Thread acceptor = new Thread(balancer::accept, "balancer-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return balancer;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket backend = connect();
                if (backend == null) {
                    client.close();
                    continue;
                }
                relay(client, backend);
                relay(backend, client);
            } catch (IOException e) {
                // closed, or one connection failed: the next one is taken as usual
            }
        }
    }

    /** The next instance that takes the connection, or null when none does. */
    private Socket connect() {
        int first = Math.floorMod(next.getAndIncrement(), ports.size());
        for (int i = 0; i < ports.size(); i++) {
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        ports.get((first + i) % ports.size())), CONNECT_TIMEOUT_MILLIS);
                return backend;
            } catch (IOException refused) {
                closeQuietly(backend);
            }
        }
        return null;
    }

    private static void relay(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "balancer-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
