package org.xietong.platform.conventions;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xietong.platform.problem.Problem;

/**
 * Races the service's own checks cannot see, settled by the database: two updates that both passed If-Match (412,
 * like a stale ETag), or two writes of the same unique value (409); and values the database cannot take (a NUL
 * character in text, a number beyond its column), which are the caller's (400). The database's message is not
 * echoed or logged: it quotes the value, which may be personal (a resident ID).
 */
public class PersistenceProblemMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);

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
}
