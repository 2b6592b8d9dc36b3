package io.aftercare.localstack;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Gives the broker the services' users and what {@link BrokerAccess} grants them. Run at every start: an upsert with
 * a new password replaces the old one, and ACLs already there are left as they are.
 */
final class BrokerSetup {

    /** Kafka's default and minimum for SCRAM-SHA-512. */
    private static final int SCRAM_ITERATIONS = 4096;

    private BrokerSetup() {
    }

    static void apply(Map<String, Object> adminConfig, BrokerCredentials credentials) throws IOException,
            InterruptedException {
        try (Admin admin = Admin.create(adminConfig)) {
            List<UserScramCredentialAlteration> users = BrokerAccess.GRANTS.keySet()
                    .stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.userName(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                            credentials.password(user)))
                    .toList();
            admin.alterUserScramCredentials(users).all().get(10, TimeUnit.SECONDS);
            admin.createAcls(BrokerAccess.bindings()).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not give the broker its users and ACLs", e);
        }
        for (BrokerUser user : BrokerAccess.GRANTS.keySet()) {
            awaitSignIn(adminConfig, credentials, user);
        }
    }

    /**
     * The broker takes a new credential through its metadata log, a moment after the upsert returned; a service that
     * signed in before that would be refused, and a refused sign-in is not retried by Kafka's clients.
     */
    private static void awaitSignIn(Map<String, Object> adminConfig, BrokerCredentials credentials, BrokerUser user)
            throws IOException, InterruptedException {
        String bootstrap = (String) adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Map<String, Object> config = new HashMap<>(credentials.clientConfig(bootstrap, user));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Admin asUser = Admin.create(config)) {
                asUser.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(user.userName() + " could not sign in to the broker", notYet);
                }
                Thread.sleep(100);
            }
        }
    }
}
