package org.xietong.platform.schema;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

/**
 * The platform's own tables (outbox, inbox, …), migrated by Flyway with a history table of their own, so their
 * versions never collide with a service's migrations. Runs at startup, after the service's own Flyway migration and before consumers start.
 */
@ApplicationScoped
public class PlatformSchema {

    public static final String HISTORY_TABLE = "flyway_platform_history";

    private final DataSource dataSource;

    public PlatformSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // Before Reactive Messaging starts its consumers (LIBRARY_BEFORE), which write to inbox_event.
    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(new String[0])
                .javaMigrations(new SqlMigration("1", "events"), new SqlMigration("2", "conventions"),
                        new SqlMigration("3", "audit_queries"), new SqlMigration("4", "deliveries"))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /** A versioned migration read from a named resource; named explicitly because packaged apps cannot scan. */
    static final class SqlMigration implements JavaMigration {

        private final String version;
        private final String description;

        SqlMigration(String version, String description) {
            this.version = version;
            this.description = description;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(version);
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Integer getChecksum() {
            return sql().hashCode();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(sql());
            }
        }

        private String sql() {
            String name = "V" + version + "__" + description + ".sql";
            try (InputStream in = PlatformSchema.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing platform migration " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
