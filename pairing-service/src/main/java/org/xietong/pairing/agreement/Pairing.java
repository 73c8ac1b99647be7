package org.xietong.pairing.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "pairing")
public class Pairing extends TrackedEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PairingKind kind;

    @Column(name = "supporting_party", nullable = false, length = 10)
    public String supportingParty;

    @Column(name = "supported_party", nullable = false, length = 10)
    public String supportedParty;

    @Column(name = "supporting_region", nullable = false, length = 6)
    public String supportingRegion;

    @Column(name = "supported_region", nullable = false, length = 6)
    public String supportedRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public PairingStatus status;

    @Column(name = "supporting_approved_by", length = 200)
    public String supportingApprovedBy;

    @Column(name = "supporting_approved_at")
    public Instant supportingApprovedAt;

    @Column(name = "supported_approved_by", length = 200)
    public String supportedApprovedBy;

    @Column(name = "supported_approved_at")
    public Instant supportedApprovedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "term_start", nullable = false)
    public LocalDate termStart;

    @Column(name = "term_end", nullable = false)
    public LocalDate termEnd;

    @Column(nullable = false)
    public int renewals;

    /** A renewal or resumption one side asked for and the other has not yet agreed to; null when none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "pending_action", length = 8)
    public PairingAction pendingAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "pending_side", length = 10)
    public PairingService.Side pendingSide;

    @Column(name = "pending_by", length = 200)
    public String pendingBy;

    @Column(name = "pending_at")
    public Instant pendingAt;

    /** The term end the pending renewal proposes. */
    @Column(name = "pending_term_end")
    public LocalDate pendingTermEnd;

    @Column(length = 2000)
    public String goals;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    void clearPending() {
        pendingAction = null;
        pendingSide = null;
        pendingBy = null;
        pendingAt = null;
        pendingTermEnd = null;
    }

    public List<String> regionCodes() {
        return supportingRegion.equals(supportedRegion) ? List.of(supportingRegion) : List.of(supportingRegion, supportedRegion);
    }
}
