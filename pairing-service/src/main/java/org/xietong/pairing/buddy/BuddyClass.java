package org.xietong.pairing.buddy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.xietong.platform.persistence.RecordedEntity;

import java.time.Instant;
import java.util.UUID;

/** A class of each school of a pairing, twinned, and how many study-buddy pairs they formed: counts only. */
@Entity
@Table(name = "buddy_class")
public class BuddyClass extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "pairing_id", nullable = false)
    public UUID pairingId;

    @Column(name = "supporting_class", nullable = false, length = 100)
    public String supportingClass;

    @Column(name = "supporting_grade", nullable = false)
    public int supportingGrade;

    @Column(name = "supporting_students", nullable = false)
    public int supportingStudents;

    @Column(name = "supported_class", nullable = false, length = 100)
    public String supportedClass;

    @Column(name = "supported_grade", nullable = false)
    public int supportedGrade;

    @Column(name = "supported_students", nullable = false)
    public int supportedStudents;

    @Column(name = "study_buddy_pairs", nullable = false)
    public int studyBuddyPairs;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "dissolved_at")
    public Instant dissolvedAt;

    @Column(name = "dissolved_by", length = 100)
    public String dissolvedBy;

    @Column(name = "dissolution_reason", length = 500)
    public String dissolutionReason;

    @Version
    public long version;
}
