package org.xietong.platform.conventions;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemMappers;

import java.sql.SQLException;

/**
 * Races the service's own checks cannot see, settled by the database: two updates that both passed If-Match (412,
 * like a stale ETag), or two writes of the same unique value (409); and values the database cannot take (a NUL
 * character in text, a number beyond its column), which are the caller's (400). The database's message is not
 * echoed or logged: it quotes the value, which may be personal (a resident ID). A database that is away (stopped,
 * restarting, out of connections) is a 503 with Retry-After, like the gateway's answer for a service that is away:
 * the request was fine and will succeed again by itself.
 */
public class PersistenceProblemMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);
    /** About what a PostgreSQL restart or fail-over takes; a caller that waits this long is not refused again at once. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** Wrappers never nest deeper than this; a cycle would go on forever. */
    private static final int MAX_DEPTH = 32;

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return Problem.of(412, "precondition-failed", "Precondition failed",
                        "The record was changed by someone else at the same moment; read it again and retry")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        LOG.debugf("the database refused a value on %s (SQL state %s)", uri.getPath(), e.getSQLState());
        return Problem.of(400, "invalid-value", "Invalid value",
                        "A value of the request cannot be stored or searched for (a NUL character, or out of range)")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                ? "Another request stored a record with the same unique value at the same moment; read again and retry"
                : "The change conflicts with the stored data (rule " + e.getConstraintName() + ")";
        return Problem.of(409, "conflict", "Conflict", detail).withInstance(uri.getPath()).toResponse();
    }

    /** Any other persistence failure: 503 if the database is away, else an internal error like any unexpected one. */
    @ServerExceptionMapper({PersistenceException.class, SQLException.class})
    public Response persistence(Exception e, UriInfo uri) {
        if (!DatabaseAvailability.isUnavailable(e)) {
            return ProblemMappers.internalError(e, uri.getPath());
        }
        // The connection error names no value of the request, only the database's state.
        LOG.warnf("database unavailable on %s: %s", uri.getPath(), rootMessage(e));
        return Response.fromResponse(Problem.of(503, "database-unavailable", "Service unavailable",
                                "The service cannot reach its database at the moment; retry in a few seconds")
                        .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    /**
     * A write the database refuses only at commit (Hibernate flushes then) arrives wrapped in the transaction's
     * rollback and Arc's wrapper for a checked exception; it is answered for what the database said, like a bare one.
     */
    @ServerExceptionMapper
    public Response atCommit(ArcUndeclaredThrowableException e, UriInfo uri) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentUpdate((RuntimeException) cause, uri);
            }
            if (cause instanceof ConstraintViolationException violation) {
                return constraint(violation, uri);
            }
            if (cause instanceof DataException data) {
                return unstorable(data, uri);
            }
        }
        return persistence(e, uri);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " (SQL state " + sql.getSQLState() + ")" : "";
        return root.getClass().getSimpleName() + state + ": " + root.getMessage();
    }
}
