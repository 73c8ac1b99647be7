package org.xietong.healthcare.ltc;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.contracts.healthcare.LtcRequestChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One insured person's cross-region assessment, from the home insurer's request to its recognition. */
@Entity
@Table(name = "ltc_request")
public class LtcRequest extends PanacheEntityBase {

    @Schema(name = "LtcRequestStatus")
    public enum Status { REQUESTED, ASSESSED, RECOGNISED, REJECTED }

    @Schema(name = "LtcRecognitionMode")
    public enum Recognition { AUTOMATIC, MANUAL }

    @Id
    public UUID id;

    @Column(name = "person_ref", nullable = false, length = 64)
    public String personRef;

    @Column(name = "home_region", nullable = false, length = 6)
    public String homeRegion;

    @Column(name = "residence_region", nullable = false, length = 6)
    public String residenceRegion;

    @Column(name = "assessor_institution", nullable = false, length = 32)
    public String assessorInstitution;

    /** Why this assessor: in the residence district, or the nearest in the same city. */
    @Column(nullable = false, length = 200)
    public String routing;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status;

    @Column(name = "daily_living")
    public Integer dailyLiving;

    public Integer cognition;

    public Integer perception;

    public Integer grade;

    @Column(name = "assessed_by", length = 100)
    public String assessedBy;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 9)
    public Recognition recognition;

    @Column(name = "decided_by", length = 100)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason", length = 500)
    public String decisionReason;

    @Column(name = "monthly_benefit", precision = 10, scale = 2)
    public BigDecimal monthlyBenefit;

    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Version
    public long version;

    public List<String> regionCodes() {
        return homeRegion.equals(residenceRegion) ? List.of(homeRegion) : List.of(homeRegion, residenceRegion);
    }

    LtcRequestChanged event() {
        return new LtcRequestChanged(id.toString(), personRef, homeRegion, residenceRegion, assessorInstitution,
                status.name(), grade, monthlyBenefit, recognition == null ? null : recognition.name(), dueAt);
    }
}
