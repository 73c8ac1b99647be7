package org.xietong.rotation.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.platform.persistence.TrackedEntity;
import org.xietong.contracts.rotation.AssignmentChanged;
import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.post.PostMode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One teacher to one post, from a matching run through service and evaluation. */
@Entity
@Table(name = "assignment")
public class Assignment extends TrackedEntity {

    @Id
    public UUID id;

    /** The matching run that proposed it; null for an organisational nomination. */
    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "teacher_id", nullable = false)
    public long teacherId;

    @Column(name = "post_id", nullable = false)
    public long postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public MatchingResult.Slot slot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public PostMode mode;

    @Column(name = "from_school", nullable = false, length = 10)
    public String fromSchool;

    @Column(name = "from_region", nullable = false, length = 6)
    public String fromRegion;

    @Column(name = "to_school", nullable = false, length = 10)
    public String toSchool;

    @Column(name = "to_region", nullable = false, length = 6)
    public String toRegion;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public int months;

    @Column(nullable = false)
    public int points;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "points_breakdown", nullable = false, columnDefinition = "jsonb")
    public MatchingResult.Points pointsBreakdown;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public AssignmentStatus status;

    @Column(name = "from_confirmed_by", length = 100)
    public String fromConfirmedBy;

    @Column(name = "to_confirmed_by", length = 100)
    public String toConfirmedBy;

    @Column(name = "evaluation_score")
    public Integer evaluationScore;

    @Column(name = "evaluation_comments", length = 2000)
    public String evaluationComments;

    /** The last day served, when an officer ended the assignment early. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "termination_reason", length = 500)
    public String terminationReason;

    /** Months of an extension one side's officer agreed to and the other side has not yet. */
    @Column(name = "extension_months")
    public Integer extensionMonths;

    @Column(name = "extension_from_by", length = 100)
    public String extensionFromBy;

    @Column(name = "extension_to_by", length = 100)
    public String extensionToBy;

    @Column(name = "nominated_by", length = 100)
    public String nominatedBy;

    @Column(name = "nomination_reason", length = 500)
    public String nominationReason;

    public List<String> regionCodes() {
        return fromRegion.equals(toRegion) ? List.of(fromRegion) : List.of(fromRegion, toRegion);
    }

    public LocalDate endDate() {
        return startDate.plusMonths(months).minusDays(1);
    }

    AssignmentChanged event() {
        return new AssignmentChanged(id.toString(), runId == null ? null : runId.toString(), teacherId, postId, mode.name(), fromSchool,
                toSchool, status.name(), startDate, months, points, evaluationScore);
    }
}
