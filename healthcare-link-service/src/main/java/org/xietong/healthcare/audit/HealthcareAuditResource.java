package org.xietong.healthcare.audit;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.audit.AuditResource;
import org.xietong.platform.audit.AuditTrail;
import org.xietong.platform.security.Caller;

@Path("/api/v1/healthcare/audit")
@Tag(name = "Audit", description = "Who changed what, when and through which client")
public class HealthcareAuditResource extends AuditResource {

    public HealthcareAuditResource(AuditTrail trail, Caller caller) {
        super(trail, caller);
    }
}
