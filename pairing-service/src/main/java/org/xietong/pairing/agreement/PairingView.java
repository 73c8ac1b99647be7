package org.xietong.pairing.agreement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.contracts.pairing.PairingChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record PairingView(UUID id, PairingKind kind, PairingStatus status, String supportingParty,
                          String supportedParty, String supportingRegion, String supportedRegion,
                          Approval supportingApproval, Approval supportedApproval, LocalDate termStart,
                          LocalDate termEnd, int renewals, PendingAgreement pendingAgreement, String goals,
                          Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "RecordedApproval", description = "Who approved for one side, and when")
    public record Approval(String by, Instant at) {
    }

    /** What one side asked for (RENEW with its termEnd, or RESUME) and waits for the other side to agree to. */
    public record PendingAgreement(PairingAction action, PairingService.Side requestedBySide, String requestedBy,
                                   Instant requestedAt, LocalDate termEnd) {
    }

    static PairingView of(Pairing p) {
        return new PairingView(p.id, p.kind, p.status, p.supportingParty, p.supportedParty, p.supportingRegion,
                p.supportedRegion, approval(p.supportingApprovedBy, p.supportingApprovedAt),
                approval(p.supportedApprovedBy, p.supportedApprovedAt), p.termStart, p.termEnd, p.renewals,
                p.pendingAction == null ? null : new PendingAgreement(p.pendingAction, p.pendingSide, p.pendingBy,
                        p.pendingAt, p.pendingTermEnd), p.goals,
                p.createdAt, p.updatedAt, p.version);
    }

    static PairingChanged event(Pairing p) {
        return new PairingChanged(p.id.toString(), p.kind.name(), p.status.name(), p.supportingParty, p.supportedParty,
                p.supportingRegion, p.supportedRegion, p.termStart, p.termEnd);
    }

    private static Approval approval(String by, Instant at) {
        return by == null ? null : new Approval(by, at);
    }
}
