package org.xietong.rotation.dossier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.xietong.platform.persistence.RecordedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a teacher's growth dossier (成长档案). */
@Entity
@Table(name = "dossier_entry")
public class DossierEntry extends RecordedEntity {

    @Schema(name = "DossierEntryKind")
    public enum Kind { ROTATION, SHADOWING, SECONDMENT, TEAM_AID, EVALUATION, TRAINING, AWARD, RESEARCH, NOTE }

    @Schema(name = "DossierEntrySource")
    public enum Source { SYSTEM, TEACHER, SCHOOL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "teacher_id", nullable = false)
    public long teacherId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Kind kind;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 4000)
    public String details;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(precision = 6, scale = 1)
    public BigDecimal credits;

    @Column(name = "counts_for_title", nullable = false)
    public boolean countsForTitle;

    @Column(name = "counts_for_award", nullable = false)
    public boolean countsForAward;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Source source;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 100)
    public String withdrawnBy;

    @Column(name = "withdrawal_reason", length = 500)
    public String withdrawalReason;

    @Version
    public long version;
}
