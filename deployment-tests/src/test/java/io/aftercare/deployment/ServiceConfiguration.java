package io.aftercare.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads from its configuration, as its sources say: the keys of its {@code application.properties}
 * (any profile), the names its values refer to ({@code ${AFTERCARE_ADMIN_PASSWORD}}), and the {@code @ConfigProperty}
 * and {@code @ConfigMapping} names of its own code and of the modules it depends on. An environment variable is read
 * when it is one of those names spelt as MicroProfile Config spells a property in the environment (upper case, every
 * other character an underscore).
 */
final class ServiceConfiguration {

    static final Path REPOSITORY = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}");
    private static final Pattern WHOLE_REFERENCE_WITHOUT_DEFAULT = Pattern.compile("\\$\\{([^:}]+)}");
    /** A value naming this machine: a deployment must say where the real one is. */
    private static final Pattern THIS_MACHINE = Pattern.compile("(^|//|:)(localhost|127\\.0\\.0\\.1)(:\\d+|/|}|$)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_LOOKUP = Pattern
            .compile("\\.get(?:Optional)?Value\\(\\s*\"([a-z][a-z0-9.\\-\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** An abstract member of a mapping interface: its type and name (default methods have a body and do not match). */
    private static final Pattern MAPPING_MEMBER = Pattern
            .compile("^\\s*([\\w.]+(?:<[^()]*>)?)\\s+(\\w+)\\(\\)\\s*;", Pattern.MULTILINE);
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)\\s*$");
    private static final Set<String> SCALAR_TYPES = Set.of("String", "boolean", "Boolean", "int", "Integer", "long",
            "Long", "double", "Double", "Duration", "java.time.Duration", "LocalTime", "MemorySize");

    private final String module;
    private final Properties properties;
    /** Property names (without profile), read by the service. */
    private final Set<String> names = new TreeSet<>();
    /** Names of properties whose members are open-ended (maps, groups): any name below them is read. */
    private final Set<String> prefixes = new TreeSet<>();
    private final boolean health;

    private ServiceConfiguration(String module, Properties properties, boolean health) {
        this.module = module;
        this.properties = properties;
        this.health = health;
    }

    /** The modules that are services: those with a container image. */
    static List<String> serviceModules() {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            return modules.filter(dir -> Files.exists(dir.resolve("src/main/docker/Dockerfile.jvm")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, ServiceConfiguration> services() {
        Map<String, ServiceConfiguration> services = new LinkedHashMap<>();
        serviceModules().forEach(module -> services.put(module, of(module)));
        return services;
    }

    static ServiceConfiguration of(String module) {
        Path dir = REPOSITORY.resolve(module);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
            String pom = Files.readString(dir.resolve("pom.xml"));
            ServiceConfiguration service = new ServiceConfiguration(module, properties,
                    pom.contains("<artifactId>quarkus-smallrye-health</artifactId>"));
            for (String key : properties.stringPropertyNames()) {
                service.names.add(withoutProfile(key));
                Matcher reference = REFERENCE.matcher(properties.getProperty(key));
                while (reference.find()) {
                    service.names.add(reference.group(1));
                }
            }
            List<Path> sources = new ArrayList<>();
            sources.add(dir);
            libraries(pom).forEach(library -> sources.add(REPOSITORY.resolve(library)));
            for (Path source : sources) {
                service.readCode(source.resolve("src/main/java"));
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's modules this service depends on at run time (not its test dependencies). */
    private static List<String> libraries(String pom) {
        List<String> libraries = new ArrayList<>();
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        while (dependency.find()) {
            String body = dependency.group(1);
            Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
            if (body.contains("<groupId>io.aftercare</groupId>") && !body.contains("<scope>test</scope>")
                    && artifact.find() && Files.isDirectory(REPOSITORY.resolve(artifact.group(1)))) {
                libraries.add(artifact.group(1));
            }
        }
        return libraries;
    }

    private void readCode(Path sourceRoot) throws IOException {
        if (!Files.isDirectory(sourceRoot)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String code = Files.readString(file);
            Matcher property = CONFIG_PROPERTY.matcher(code);
            while (property.find()) {
                names.add(property.group(1));
            }
            Matcher lookup = CONFIG_LOOKUP.matcher(code);
            while (lookup.find()) {
                names.add(lookup.group(1));
            }
            Matcher mapping = CONFIG_MAPPING.matcher(code);
            if (mapping.find()) {
                readMapping(mapping.group(1), code.substring(mapping.end()));
            }
        }
    }

    private void readMapping(String prefix, String body) {
        Matcher member = MAPPING_MEMBER.matcher(body);
        while (member.find()) {
            String type = member.group(1);
            if (type.equals("return")) {
                continue;
            }
            String before = body.substring(0, member.start()).stripTrailing();
            Matcher withName = WITH_NAME.matcher(before);
            String name = prefix + "." + (withName.find() ? withName.group(1) : kebab(member.group(2)));
            String element = type.replaceFirst("^(Optional|java\\.util\\.Optional)<(.*)>$", "$2")
                    .replaceFirst("^(List|Set|java\\.util\\.List)<(.*)>$", "$2");
            if (SCALAR_TYPES.contains(element)) {
                names.add(name);
            } else {
                // A map ("aftercare.help.texts.es") or a group of its own: anything below the name.
                prefixes.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String withoutProfile(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    /** How MicroProfile Config spells a property name in the environment. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    String module() {
        return module;
    }

    /** Whether the service reads this environment variable. */
    boolean reads(String variable) {
        return names.stream().anyMatch(name -> environmentName(name).equals(variable))
                || prefixes.stream().anyMatch(prefix -> variable.startsWith(environmentName(prefix) + "_"));
    }

    /** Whether the property (by its name, not its environment spelling) is one the service reads. */
    boolean readsProperty(String property) {
        return names.contains(property);
    }

    /**
     * What a deployment must set, each with the environment variables any one of which sets it and why: a property
     * with no value in production (empty, or a reference without a default: the service stops at start without it),
     * and a property that names this machine (the local run's database, broker or neighbours).
     */
    Map<String, Requirement> requiredInProduction() {
        Map<String, Requirement> required = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = properties.getProperty("%prod." + key, properties.getProperty(key));
            Set<String> variables = new TreeSet<>(Set.of(environmentName(key)));
            Matcher reference = REFERENCE.matcher(value);
            while (reference.find()) {
                variables.add(environmentName(reference.group(1)));
            }
            Matcher whole = WHOLE_REFERENCE_WITHOUT_DEFAULT.matcher(value);
            if (value.isBlank()) {
                required.put(key, new Requirement(variables, key + " has no value in production"));
            } else if (whole.matches() && !isDefined(whole.group(1))) {
                required.put(key, new Requirement(variables,
                        key + " has no value in production (" + value + " without a default)"));
            } else if (THIS_MACHINE.matcher(value).find()) {
                required.put(key, new Requirement(variables, key + " names this machine (" + value + ")"));
            }
        }
        for (String key : properties.stringPropertyNames()) {
            // A setting only the prod profile has, with no value there.
            if (key.startsWith("%prod.") && !properties.containsKey(withoutProfile(key))) {
                String value = properties.getProperty(key);
                Matcher whole = WHOLE_REFERENCE_WITHOUT_DEFAULT.matcher(value);
                if (value.isBlank() || whole.matches() && !isDefined(whole.group(1))) {
                    Set<String> variables = new TreeSet<>(Set.of(environmentName(withoutProfile(key))));
                    if (whole.matches()) {
                        variables.add(environmentName(whole.group(1)));
                    }
                    required.put(withoutProfile(key), new Requirement(variables,
                            withoutProfile(key) + " has no value in production (" + value + ")"));
                }
            }
        }
        return required;
    }

    private boolean isDefined(String name) {
        return properties.containsKey(name) || properties.containsKey("%prod." + name);
    }

    /** Whether the service serves SmallRye Health's endpoints. */
    boolean servesHealth() {
        return health;
    }

    /** Where health is served: the management interface's port when it is on, else the HTTP port. */
    int healthPort() {
        if (Boolean.parseBoolean(property("quarkus.management.enabled", "false"))) {
            return Integer.parseInt(property("quarkus.management.port", "9000"));
        }
        return Integer.parseInt(property("quarkus.http.port", "8080"));
    }

    /** The health endpoint's path, under which live, ready and started are. */
    String healthPath() {
        String root = property("quarkus.http.non-application-root-path", "q");
        String path = property("quarkus.smallrye-health.root-path", "health");
        return "/" + root.replaceAll("^/|/$", "") + "/" + path.replaceAll("^/|/$", "");
    }

    /** The production value of a property, or the given default. */
    String property(String key, String otherwise) {
        return properties.getProperty("%prod." + key, properties.getProperty(key, otherwise));
    }

    /** A setting a deployment must give: any one of these variables sets it. */
    record Requirement(Set<String> variables, String why) {
    }
}
