package org.xietong.healthcare.settlement;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xietong.platform.problem.Problem;

/**
 * The service's body limit (quarkus.http.limits.max-body-size) is sized for settlement batches, which stream under
 * their own caps; every other request body is read whole, so it keeps a limit the 256 MB heap can hold. Checked on
 * the declared length before the body is read.
 */
public class RequestBodyLimit {

    private final BatchLimits limits;

    public RequestBodyLimit(BatchLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, ResourceInfo resource) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || isBatch(resource)) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (length <= limits.otherBodyBytes()) {
            return null;
        }
        return Problem.of(413, "body-too-large", "Body too large", "The body has " + length + " bytes; this operation "
                        + "takes at most " + limits.otherBodyBytes() + " (only settlement batches take more, streamed)")
                .withExtension("limit", "body-bytes").withExtension("max", limits.otherBodyBytes())
                .withInstance(request.getUriInfo().getPath()).toResponse();
    }

    private static boolean isBatch(ResourceInfo resource) {
        return resource.getResourceClass() == SettlementResource.class
                && resource.getResourceMethod() != null && resource.getResourceMethod().getName().equals("batch");
    }
}
