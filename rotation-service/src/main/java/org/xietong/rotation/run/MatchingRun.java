package org.xietong.rotation.run;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.platform.persistence.RecordedEntity;
import org.xietong.rotation.matching.MatchingResult;

import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "matching_run")
public class MatchingRun extends RecordedEntity {

    @Schema(name = "MatchingMode")
    public enum Mode { OPTIMAL, STABLE }

    @Id
    public UUID id;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Column(nullable = false)
    public int cycle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Mode mode;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(nullable = false, length = 100)
    public String solver;

    @Column(nullable = false)
    public int teachers;

    @Column(nullable = false)
    public int posts;

    @Column(name = "seats_offered", nullable = false)
    public int seatsOffered;

    @Column(name = "seats_filled", nullable = false)
    public int seatsFilled;

    @Column(name = "total_points", nullable = false)
    public long totalPoints;

    @Column(name = "solve_millis", nullable = false)
    public long solveMillis;

    @Column(name = "proven_optimal", nullable = false)
    public boolean provenOptimal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<MatchingResult.Unfilled> unfilled;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<RunView.ProposalView> proposals;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;
}
