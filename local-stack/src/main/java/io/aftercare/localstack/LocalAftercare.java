package io.aftercare.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole system on one machine: the infrastructure in this JVM and each service as its own process. Used by
 * {@code ./aftercare up} with fixed ports and by the system test with random ones.
 */
public final class LocalAftercare implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    private final LocalInfrastructure infrastructure;
    private final Map<AftercareService, ServiceProcess> services;
    private final Layout layout;
    private final Map<AftercareService, Integer> servicePorts;
    private final Map<AftercareService, Map<String, String>> overrides;
    private final LocalSecrets secrets;
    /** Made per run: the console's person tokens are verified with its public half at every service. */
    private final ConsoleTokenKeys consoleTokenKeys = ConsoleTokenKeys.generate();

    /** Instances beyond the first of each service, by instance id. */
    private final Map<String, ServiceProcess> instances = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalAftercare(LocalInfrastructure infrastructure, Map<AftercareService, ServiceProcess> services,
            Layout layout, Map<AftercareService, Integer> servicePorts,
            Map<AftercareService, Map<String, String>> overrides, LocalSecrets secrets) {
        this.secrets = secrets;
        this.infrastructure = infrastructure;
        this.services = services;
        this.layout = layout;
        this.servicePorts = servicePorts;
        this.overrides = overrides;
    }

    public record Layout(Path repository, Path dataDirectory, Path cacheDirectory, Path logDirectory) {
    }

    /**
     * Another instance of a service, beside the first that {@link #start} runs of each: its own instance id
     * ({@code aftercare.instance-id}, which the first leaves at the service's default), its own port, and configuration
     * on top of the service's overrides.
     */
    public record Instance(AftercareService service, String id, int port, Map<String, String> config) {
    }

    public static LocalAftercare start(Layout layout, InfrastructurePorts ports,
            Map<AftercareService, Integer> servicePorts, Consumer<String> progress) throws Exception {
        return start(layout, ports, servicePorts, Map.of(), progress);
    }

    /** A run with passwords of its own that nobody keeps: a test's. */
    public static LocalAftercare start(Layout layout, InfrastructurePorts ports,
            Map<AftercareService, Integer> servicePorts, Map<AftercareService, Map<String, String>> overrides,
            Consumer<String> progress) throws Exception {
        return start(layout, LocalSecrets.generate(), ports, servicePorts, overrides, progress);
    }

    /**
     * @param servicePorts the services to start, each with its port
     * @param overrides configuration per service on top of what points it at the infrastructure
     */
    public static LocalAftercare start(Layout layout, LocalSecrets secrets, InfrastructurePorts ports,
            Map<AftercareService, Integer> servicePorts, Map<AftercareService, Map<String, String>> overrides,
            Consumer<String> progress) throws Exception {
        return start(layout, secrets, ports, servicePorts, overrides, List.of(), progress);
    }

    /** The same, with more instances of the services, all started at once. */
    public static LocalAftercare start(Layout layout, LocalSecrets secrets, InfrastructurePorts ports,
            Map<AftercareService, Integer> servicePorts, Map<AftercareService, Map<String, String>> overrides,
            List<Instance> more, Consumer<String> progress) throws Exception {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(layout.dataDirectory(),
                layout.cacheDirectory(), ports, secrets.broker(), progress);
        Map<AftercareService, ServiceProcess> services = new EnumMap<>(AftercareService.class);
        LocalAftercare aftercare = new LocalAftercare(infrastructure, services, layout, servicePorts, overrides,
                secrets);
        try {
            long started = System.nanoTime();
            // Start them all before waiting for any: their JVMs boot in parallel.
            for (AftercareService service : servicePorts.keySet()) {
                services.put(service, aftercare.launch(service));
            }
            for (Instance instance : more) {
                aftercare.instances.put(instance.id(), aftercare.launch(instance));
            }
            List<ServiceProcess> all = new ArrayList<>(services.values());
            all.addAll(aftercare.instances.values());
            for (ServiceProcess process : all) {
                process.awaitReady(SERVICE_START_TIMEOUT);
                progress.accept(String.format("%-20s on :%d UP (%s)", process.name(), process.port(),
                        LocalInfrastructure.since(started)));
            }
        } catch (Exception e) {
            aftercare.close();
            throw e;
        }
        return aftercare;
    }

    private ServiceProcess launch(AftercareService service) throws java.io.IOException {
        Map<String, String> config = new java.util.LinkedHashMap<>(service.config(infrastructure, servicePorts));
        config.putAll(overrides.getOrDefault(service, Map.of()));
        return ServiceProcess.start(service.module(), service.runJar(layout.repository()), servicePorts.get(service),
                config, environment(service), layout.logDirectory());
    }

    private Map<String, String> environment(AftercareService service) {
        Map<String, String> environment = new java.util.LinkedHashMap<>(secrets.environment(service));
        // The console signs person tokens with the private half; the services check them with the public half.
        environment.putAll(service == AftercareService.CONSOLE
                ? consoleTokenKeys.signerEnvironment()
                : consoleTokenKeys.verifierEnvironment());
        return environment;
    }

    private ServiceProcess launch(Instance instance) throws java.io.IOException {
        AftercareService service = instance.service();
        Map<String, String> config = new java.util.LinkedHashMap<>(service.config(infrastructure, servicePorts));
        config.putAll(overrides.getOrDefault(service, Map.of()));
        if (service != AftercareService.GUIDANCE) {
            config.put("aftercare.instance-id", instance.id());
        }
        config.putAll(instance.config());
        return ServiceProcess.start(service.module() + "-" + instance.id(), service.runJar(layout.repository()),
                instance.port(), config, environment(service), layout.logDirectory());
    }

    /** Starts another instance and waits until it is ready. */
    public ServiceProcess startInstance(Instance instance) throws Exception {
        ServiceProcess process = launch(instance);
        instances.put(instance.id(), process);
        process.awaitReady(SERVICE_START_TIMEOUT);
        return process;
    }

    /** Kills an instance {@link #startInstance} or {@link #start} started with SIGKILL, mid-work. */
    public void killInstance(String id) throws InterruptedException {
        ServiceProcess process = instances.remove(id);
        if (process != null) {
            process.kill();
        }
    }

    /** Stops an instance as a scale-down or a node drain would (SIGTERM: it finishes and leaves its groups). */
    public void stopInstance(String id) throws InterruptedException {
        ServiceProcess process = instances.remove(id);
        if (process != null) {
            process.close();
        }
    }

    /** A running instance beyond the first of its service, by its id; null once stopped or killed. */
    public ServiceProcess instance(String id) {
        return instances.get(id);
    }

    /** Stops one service, as an outage would; {@link #startService} brings it back on the same port. */
    public void stopService(AftercareService service) throws InterruptedException {
        ServiceProcess process = services.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Kills one service with SIGKILL, mid-work; {@link #startService} brings it back on the same port. */
    public void killService(AftercareService service) throws InterruptedException {
        ServiceProcess process = services.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    public void startService(AftercareService service) throws Exception {
        ServiceProcess process = launch(service);
        services.put(service, process);
        process.awaitReady(SERVICE_START_TIMEOUT);
    }

    /** Every service, the console included, on its usual port: {@code ./aftercare up}. */
    public static Map<AftercareService, Integer> localRunPorts() {
        Map<AftercareService, Integer> ports = new EnumMap<>(AftercareService.class);
        for (AftercareService service : AftercareService.values()) {
            ports.put(service, service.localRunPort());
        }
        return ports;
    }

    /** The pipeline's three services on free ports: a test of the pipeline, which needs no console. */
    public static Map<AftercareService, Integer> randomPorts() {
        return randomPorts(AftercareService.PIPELINE);
    }

    /** The given services on free ports. */
    public static Map<AftercareService, Integer> randomPorts(java.util.Collection<AftercareService> services) {
        Map<AftercareService, Integer> ports = new EnumMap<>(AftercareService.class);
        for (AftercareService service : services) {
            ports.put(service, FreePorts.next());
        }
        return ports;
    }

    /** The services this run started (some may be stopped for a while). */
    public java.util.Set<AftercareService> started() {
        return java.util.Collections.unmodifiableSet(servicePorts.keySet());
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    public ServiceProcess service(AftercareService service) {
        return services.get(service);
    }

    /**
     * This run's person-token keys: the services were given the public half; a console process started beside them
     * gets {@link ConsoleTokenKeys#signerEnvironment()}.
     */
    public ConsoleTokenKeys consoleTokenKeys() {
        return consoleTokenKeys;
    }

    /** The passwords this run's services were given. */
    public LocalSecrets secrets() {
        return secrets;
    }

    public String baseUrl(AftercareService service) {
        return "http://" + ServiceProcess.HOST + ":" + servicePorts.get(service);
    }

    /**
     * Ends a test's system at once: the services are killed (SIGKILL), then the infrastructure stops. A stop takes
     * scheduling about 3 s and notification about 2 s (each Kafka consumer's close, one after another), which a test
     * that asserts nothing of stopping need not pay for at every system it starts. {@link #close} for a stop.
     */
    public void kill() throws Exception {
        for (AftercareService service : List.copyOf(services.keySet())) {
            killService(service);
        }
        infrastructure.close();
    }

    /** Stops the services first, so that none of them loses its database or broker while still working. */
    @Override
    public void close() throws Exception {
        List<Thread> stopping = new ArrayList<>();
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.addAll(instances.values());
        for (ServiceProcess process : all) {
            Thread thread = new Thread(() -> {
                try {
                    process.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join();
        }
        infrastructure.close();
    }
}
