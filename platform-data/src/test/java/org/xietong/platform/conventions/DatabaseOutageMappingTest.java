package org.xietong.platform.conventions;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.postgres.PostgresLauncher;
import org.xietong.devstack.postgres.RunningPostgres;
import org.xietong.platform.problem.Problem;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

/**
 * The failures a real PostgreSQL gives when it stops under a service (the open connection is cut, the next one is
 * refused) are a 503 with Retry-After; a request the database refuses is not.
 */
class DatabaseOutageMappingTest {

    @TempDir
    static Path dir;
    /** What a real PostgreSQL answered: a query it refused, then, once stopped, the open connection and a new one. */
    private static SQLException badQuery;
    private static SQLException cut;
    private static SQLException refused;

    private final PersistenceProblemMappers mappers = new PersistenceProblemMappers();

    @BeforeAll
    static void stopADatabaseUnderAnOpenConnection() throws Exception {
        int port = freePort();
        RunningPostgres postgres = PostgresLauncher.start(dir.resolve("data"), port, false);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "")) {
            badQuery = assertThrows(SQLException.class, () -> execute(connection, "SELECT 1 / 0"));
            // pg_ctl stop: PostgreSQL's fast shutdown ends every session, as when it is stopped for real.
            postgres.close();
            cut = assertThrows(SQLException.class, () -> execute(connection, "SELECT 1"));
        }
        refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "").close());
    }

    static Stream<Named<Supplier<Throwable>>> databaseAway() {
        return Stream.of(
                named("the open connection, cut off", () -> cut),
                named("a new connection, refused", () -> refused),
                // As Hibernate and Agroal hand them on.
                named("a refused connection as Hibernate wraps it",
                        () -> new GenericJDBCException("Unable to acquire JDBC Connection", refused)),
                named("a cut connection as JPA wraps it",
                        () -> new PersistenceException(new JDBCConnectionException("query", cut))),
                named("Agroal's acquisition timeout", () -> new SQLException(
                        "Acquisition timeout while waiting for new connection", new java.util.concurrent.TimeoutException())));
    }

    static Stream<Named<Supplier<Throwable>>> requestRefused() {
        return Stream.of(
                named("a division by zero", () -> badQuery),
                named("a persistence failure that names no connection", () -> new PersistenceException("no such entity")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseAway")
    void aDatabaseThatIsAwayIsUnavailable(Supplier<Throwable> failure) {
        Throwable e = failure.get();
        assertTrue(DatabaseAvailability.isUnavailable(e), e + " (SQL state " + sqlState(e) + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestRefused")
    void aFailureOfTheRequestIsNotUnavailability(Supplier<Throwable> failure) {
        Throwable e = failure.get();
        assertFalse(DatabaseAvailability.isUnavailable(e), e + " (SQL state " + sqlState(e) + ")");
    }

    @Test
    void aStoppedDatabaseIsA503ProblemWithRetryAfter() {
        Response unavailable = mappers.persistence(new GenericJDBCException("Unable to acquire JDBC Connection", refused),
                uri("/api/v1/test/ledger"));
        assertEquals(503, unavailable.getStatus());
        assertEquals(Problem.MEDIA_TYPE, unavailable.getMediaType().toString());
        assertEquals(String.valueOf(PersistenceProblemMappers.RETRY_AFTER_SECONDS), unavailable.getHeaderString("Retry-After"));
        Problem problem = (Problem) unavailable.getEntity();
        assertEquals(503, problem.status());
        assertEquals("https://xietong.org/problems/database-unavailable", problem.type().toString());
        assertEquals("/api/v1/test/ledger", problem.instance());
    }

    @Test
    void aBadQueryIsA500WithoutRetryAfter() {
        Response broken = mappers.persistence(new GenericJDBCException("query", badQuery), uri("/api/v1/test/ledger"));
        assertEquals(500, broken.getStatus());
        assertEquals(null, broken.getHeaderString("Retry-After"));
    }

    private static String sqlState(Throwable e) {
        return e instanceof SQLException sql ? sql.getSQLState() : null;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A request's path, all a mapper reads of its UriInfo. */
    static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
