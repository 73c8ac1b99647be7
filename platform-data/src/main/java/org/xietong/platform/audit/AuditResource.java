package org.xietong.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.xietong.platform.api.Page;
import org.xietong.platform.security.Caller;

/**
 * The audit trail of one entity; each service exposes it with {@code @Path("/api/v1/<area>/audit")}; its purpose is
 * the area's, from xietong.access.audit-purpose (e.g. pairing:audit).
 */
public abstract class AuditResource {

    private final AuditTrail trail;
    private final Caller caller;

    protected AuditResource(AuditTrail trail, Caller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @RolesAllowed("${xietong.access.audit-purpose}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an entity's audit trail",
            description = "Who changed this entity, when, through which client, and what changed (newest first), in "
                    + "your region. Needs the area's audit purpose.")
    public Page<AuditTrail.AuditEntry> trail(@QueryParam("entity") @NotBlank @Size(max = 100) String entity,
                                        @QueryParam("id") @NotBlank @Size(max = 200) String id,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return trail.of(entity, id, caller.listingPrefix(), page, size);
    }
}
