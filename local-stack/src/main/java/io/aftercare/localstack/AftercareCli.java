package io.aftercare.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Entry point of {@code ./aftercare}: {@code up} runs the whole system, {@code demo} shows it at work. */
public final class AftercareCli {

    private AftercareCli() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.apply();
        String command = args.length == 0 ? "help" : args[0];
        Path repository = Path.of(System.getProperty("aftercare.home", ".")).toAbsolutePath().normalize();
        switch (command) {
            case "up" -> up(repository);
            case "demo" -> demo(repository);
            default -> {
                System.err.println("usage: aftercare up|demo");
                System.exit(2);
            }
        }
    }

    private static void demo(Path repository) throws Exception {
        Path secretsFile = repository.resolve(".aftercare").resolve("secrets.properties");
        if (!java.nio.file.Files.exists(secretsFile)) {
            System.err.println("No " + secretsFile + " yet: start the system with ./aftercare up first");
            System.exit(1);
        }
        DemoBooking.localRun(System.out, LocalSecrets.loadOrCreate(secretsFile).secrets()).run();
    }

    /** The service JVMs started so far; the embedded PostgreSQL stops through its own shutdown hook. */
    private static void stopChildProcesses() {
        ProcessHandle.current().children().forEach(ProcessHandle::destroy);
        ProcessHandle.current().children().forEach(child -> child.onExit().orTimeout(20, TimeUnit.SECONDS).join());
    }

    private static void up(Path repository) throws Exception {
        Path home = repository.resolve(".aftercare");
        LocalAftercare.Layout layout = new LocalAftercare.Layout(repository, home.resolve("data"),
                home.resolve("cache"), home.resolve("logs"));
        System.out.println("Starting Aftercare (data in " + layout.dataDirectory() + ", logs in "
                + layout.logDirectory() + ")");
        LocalSecrets.Loaded secrets = secrets(home.resolve("secrets.properties"));
        AtomicReference<LocalAftercare> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so that Ctrl-C while services boot leaves no process behind either.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running.get(), stopped)));
        LocalAftercare aftercare = LocalAftercare.start(layout, secrets.secrets(),
                InfrastructurePorts.localRun(), LocalAftercare.localRunPorts(), java.util.Map.of(),
                line -> System.out.println("  " + line));
        running.set(aftercare);
        printRunning(aftercare);
        new DemoClinic(System.out, aftercare.baseUrl(AftercareService.SCHEDULING),
                aftercare.baseUrl(AftercareService.CONSOLE), secrets.secrets().operatorPassword()).setUp();
        System.out.println();
        System.out.println("Try ./aftercare demo in another terminal. Press Ctrl-C to stop.");
        stopped.await();
    }

    private static LocalSecrets.Loaded secrets(Path secretsFile) throws IOException {
        LocalSecrets.Loaded secrets = LocalSecrets.loadOrCreate(secretsFile);
        if (secrets.created()) {
            // Shown this once; afterwards they are in the file, readable by this user only.
            System.out.println("New local passwords, kept in " + secretsFile + " (readable by you only):");
            System.out.println("  operator (ops page, API keys)   operator / " + secrets.secrets().operatorPassword());
            System.out.println("  admin (protocols, overrides)    admin / " + secrets.secrets().adminPassword());
            System.out.println("  Twilio auth token (webhooks)    " + secrets.secrets().twilioAuthToken());
        } else {
            System.out.println("Local passwords: " + secretsFile);
        }
        return secrets;
    }

    /** @param started null while the services are still starting: then their processes are stopped one by one */
    private static void stop(LocalAftercare started, CountDownLatch stopped) {
        System.out.println("\nStopping Aftercare...");
        try {
            if (started != null) {
                started.close();
            } else {
                stopChildProcesses();
            }
            System.out.println("Stopped.");
        } catch (Exception e) {
            System.err.println("Stopping failed: " + e);
        } finally {
            stopped.countDown();
        }
    }

    private static void printRunning(LocalAftercare aftercare) {
        System.out.println();
        System.out.println("Aftercare is running:");
        for (AftercareService service : aftercare.started()) {
            String url = aftercare.service(service).baseUrl();
            if (service == AftercareService.CONSOLE) {
                System.out.printf("  %-21s %s/sign-in   (the clinic console: people sign in here)%n",
                        service.module(), url);
            } else {
                System.out.printf("  %-21s %s   (health %s/q/health, API %s/q/openapi)%n", service.module(), url,
                        url, url);
            }
        }
        System.out.println("  PostgreSQL            " + aftercare.infrastructure().postgres().jdbcUrl("<service>")
                + " (user postgres, this machine only)");
        System.out.println("  Kafka                 " + aftercare.infrastructure().kafka().bootstrapServers());
        System.out.println(
                "  SMTP                  " + ServiceProcess.HOST + ":" + aftercare.infrastructure().smtp().port());
        System.out.println();
    }
}
