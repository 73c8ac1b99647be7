package org.xietong.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.xietong.devstack.postgres.PostgresLauncher;
import org.xietong.devstack.postgres.RunningPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real PostgreSQL for a service's Quarkus tests, started by the same launcher as the devstack's, on a free port
 * and a throw-away data directory. Init arg {@code database} names the service's database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private RunningPostgres postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = PostgresLauncher.start(Files.createTempDirectory("xietong-pg").resolve("data"), FreePorts.next(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.ensureDatabase(database, database, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
