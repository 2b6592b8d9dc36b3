package io.aftercare.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from binaries that Maven delivers, so that neither a developer nor CI has to install one.
 * With a data directory that already holds a cluster, it starts on that data instead of initialising a new one.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDirectory;
    private final Path binariesDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, int port, Path dataDirectory, Path binariesDirectory) {
        this.postgres = postgres;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.binariesDirectory = binariesDirectory;
    }

    /** How much a commit is worth: what a clinic runs must survive a crash; tests may trade that for speed. */
    public enum Durability {
        /** fsync and synchronous commit on: an acknowledged commit survives an immediate stop or a power cut. */
        DURABLE,
        /** zonky's defaults (fsync and synchronous commit off): fast, and an immediate stop loses recent commits. */
        FAST_FOR_TESTS
    }

    public static LocalPostgres start(Path dataDirectory, Path binariesDirectory, int port,
            Collection<String> databases, Durability durability)
            throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        Files.createDirectories(binariesDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDirectory.toFile())
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(30))
                // Every service instance keeps a pool of its own: two of each and a third notification instance (the
                // scale-out test) take up to 160, plus room (docs/running-at-scale.md; ConnectionBudgetTest).
                .setServerConfig("max_connections", "200")
                // Not "localhost", which may also mean ::1; and never '*': the database is for this machine alone.
                .setServerConfig("listen_addresses", ServiceProcess.HOST)
                // zonky starts the server with -F (fsync off) and synchronous_commit=off; a later -c wins over -F.
                .setServerConfig("fsync", durability == Durability.DURABLE ? "on" : "off")
                .setServerConfig("synchronous_commit", durability == Durability.DURABLE ? "on" : "off")
                .start();
        LocalPostgres local = new LocalPostgres(postgres, port, dataDirectory, binariesDirectory);
        local.createDatabases(databases);
        return local;
    }

    private void createDatabases(Collection<String> databases) throws IOException {
        for (String database : databases) {
            createDatabase(database);
        }
    }

    /** Creates the database unless it exists. */
    public synchronized void createDatabase(String database) throws IOException {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + database, e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The server's data directory (tables, write-ahead log): what a test searches for a secret that must not be there. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + ServiceProcess.HOST + ":" + port() + "/" + database;
    }

    /**
     * Stops the server as a crash would: {@code pg_ctl stop -m immediate} ends it without a checkpoint, and the next
     * start recovers from the write-ahead log. What was committed durably must still be there afterwards.
     */
    public void crash() throws IOException, InterruptedException {
        Path pgCtl;
        try (Stream<Path> files = Files.walk(binariesDirectory)) {
            pgCtl = files.filter(file -> file.endsWith(Path.of("bin", "pg_ctl")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no pg_ctl under " + binariesDirectory));
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // pg_ctl refuses to run as root; zonky starts the server in a user namespace, and so must this.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "stop", "-m", "immediate", "-w"));
        Process stop = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(stop.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (stop.waitFor() != 0) {
            throw new IOException("pg_ctl stop -m immediate failed (" + stop.exitValue() + "): " + output.strip());
        }
        // Releases the data directory's lock; its own stop finds no server left and says so.
        postgres.close();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
