package org.xietong.healthcare.settlement;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.xietong.healthcare.settlement.engine.BillException;

/**
 * A bill the engine refuses is the caller's problem (400) or unanswerable by the stored rules (422), never a 500; a
 * caller over its quote limit gets a 429 with Retry-After.
 */
public class SettlementProblemMappers {

    @ServerExceptionMapper
    public Response bill(BillException e, UriInfo uri) {
        return SettlementService.problem(e).problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response quoteLimit(QuoteLimiter.QuoteLimitExceeded e, UriInfo uri) {
        return Response.fromResponse(e.problem().withInstance(uri.getPath()).toResponse())
                .header("Retry-After", e.retryAfterSeconds()).build();
    }
}
