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
import java.util.Collection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from binaries that Maven delivers, so that neither a developer nor CI has to install one.
 * With a data directory that already holds a cluster, it starts on that data instead of initialising a new one.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private LocalPostgres(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
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
                .setServerConfig("max_connections", "200")
                // zonky starts the server with -F (fsync off) and synchronous_commit=off; a later -c wins over -F.
                .setServerConfig("fsync", durability == Durability.DURABLE ? "on" : "off")
                .setServerConfig("synchronous_commit", durability == Durability.DURABLE ? "on" : "off")
                .start();
        LocalPostgres local = new LocalPostgres(postgres, port);
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

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
