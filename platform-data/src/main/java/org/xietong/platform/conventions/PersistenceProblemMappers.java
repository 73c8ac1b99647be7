package org.xietong.platform.conventions;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xietong.platform.problem.Problem;

/** Two updates that both passed If-Match race at the database; the later one answers 412 like a stale ETag. */
public class PersistenceProblemMappers {

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return Problem.of(412, "precondition-failed", "Precondition failed",
                        "The record was changed by someone else at the same moment; read it again and retry")
                .withInstance(uri.getPath()).toResponse();
    }
}
