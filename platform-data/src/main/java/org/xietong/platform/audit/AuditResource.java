package org.xietong.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.xietong.platform.api.Page;
import org.xietong.platform.security.Caller;

/**
 * The audit trail, by entity, actor, client and time; each service exposes it with {@code @Path("/api/v1/<area>/audit")}; its purpose is
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
    @Operation(summary = "Query the audit trail",
            description = "Who changed what, when, through which client, and what changed (newest first), in your "
                    + "region: one entity's trail (entity and id), every change to a kind of entity, or what an actor "
                    + "(user name or subject) or a client (e.g. partner-500000) changed, optionally from/to a time. At "
                    + "least an entity, an actor or a client must be named. Needs the area's audit purpose.")
    public Page<AuditTrail.AuditEntry> trail(@QueryParam("entity") @Size(max = 100) String entity,
                                        @QueryParam("id") @Size(max = 200) String id,
                                        @Parameter(description = "A user name or subject")
                                        @QueryParam("actor") @Size(max = 200) String actor,
                                        @Parameter(description = "A client id, e.g. partner-500000")
                                        @QueryParam("client") @Size(max = 200) String client,
                                        @Parameter(description = "Changes at or after this time (ISO 8601 with an offset)",
                                                schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                        @QueryParam("from") @Size(max = 40) String from,
                                        @Parameter(description = "Changes before this time (ISO 8601 with an offset)",
                                                schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                        @QueryParam("to") @Size(max = 40) String to,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return trail.search(AuditQuery.of(entity, id, actor, client, from, to), caller.listingPrefix(), page, size);
    }
}
