package org.xietong.pairing.audit;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.audit.AuditResource;
import org.xietong.platform.audit.AuditTrail;
import org.xietong.platform.security.Caller;

@Path("/api/v1/pairing/audit")
@Tag(name = "Audit", description = "Who changed what, when and through which client")
public class PairingAuditResource extends AuditResource {

    public PairingAuditResource(AuditTrail trail, Caller caller) {
        super(trail, caller);
    }
}
