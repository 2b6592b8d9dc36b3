package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.aftercare.localstack.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service's datasource at a database of its own on the shared embedded PostgreSQL. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    /** The setting under which a test finds the server's data directory (the test and the resource may not share classes). */
    public static final String DATA_DIRECTORY = "aftercare.test.postgres-data-directory";

    private String database = "aftercare";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = SharedTestInfrastructure.postgres();
        try {
            postgres.createDatabase(database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database), "quarkus.datasource.username",
                LocalPostgres.USER, "quarkus.datasource.password", "", DATA_DIRECTORY,
                postgres.dataDirectory().toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
