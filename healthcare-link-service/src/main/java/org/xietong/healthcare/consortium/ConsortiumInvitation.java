package org.xietong.healthcare.consortium;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The lead's request to enrol an institution of a region it does not cover; a member only once accepted. */
@Entity
@Table(name = "consortium_invitation")
public class ConsortiumInvitation extends PanacheEntityBase {

    @Schema(name = "ConsortiumInvitationStatus")
    public enum Status { PENDING, ACCEPTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consortium_id", nullable = false)
    public long consortiumId;

    @Column(name = "lead_code", nullable = false, length = 32)
    public String leadCode;

    @Column(name = "lead_region", nullable = false, length = 6)
    public String leadRegion;

    @Column(name = "institution_code", nullable = false, length = 32)
    public String institutionCode;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Status status;

    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by", length = 100)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;
}
