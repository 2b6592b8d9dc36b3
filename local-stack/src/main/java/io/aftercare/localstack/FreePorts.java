package io.aftercare.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random free TCP ports for tests, so that parallel builds and a running local stack never collide. A port is handed
 * out once per JVM: the kernel may offer a just-closed port again at once, and two listeners of one broker were seen
 * to get the same one. The ports come from below the kernel's ephemeral range (32768-60999 on Linux), not from a
 * bind to port 0: a port from that range may be taken by any outgoing connection (a Kafka or JDBC client's own end)
 * between the moment it is handed out and the moment a service listens on it, which once stopped a service starting
 * in the build with "port in use".
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int ABOVE_HIGHEST = 32_768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
            if (!HANDED_OUT.contains(port) && free(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + ABOVE_HIGHEST);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
