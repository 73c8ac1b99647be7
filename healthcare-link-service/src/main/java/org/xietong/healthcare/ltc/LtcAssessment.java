package org.xietong.healthcare.ltc;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One result an assessor recorded for a request: never changed, a correction or re-assessment adds another. */
@Entity
@Table(name = "ltc_assessment")
public class LtcAssessment extends PanacheEntityBase {

    @Schema(name = "LtcAssessmentKind")
    public enum Kind { ASSESSMENT, CORRECTION, REASSESSMENT }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Kind kind;

    @Column(name = "daily_living", nullable = false)
    public int dailyLiving;

    @Column(nullable = false)
    public int cognition;

    @Column(nullable = false)
    public int perception;

    @Column(nullable = false)
    public int grade;

    @Column(length = 500)
    public String reason;

    @Column(name = "assessed_by", nullable = false, length = 100)
    public String assessedBy;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;
}
