package org.xietong.healthcare.consultation;

import org.xietong.contracts.healthcare.ConsultationCancelled;
import org.xietong.contracts.healthcare.ConsultationChanged;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

import java.time.Instant;

/** A remote consultation (远程会诊) between two members of one consortium. */
@Entity
@Table(name = "consultation")
public class Consultation extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consortium_id", nullable = false)
    public long consortiumId;

    @Column(name = "requester_code", nullable = false, length = 32)
    public String requesterCode;

    @Column(name = "requester_region", nullable = false, length = 6)
    public String requesterRegion;

    @Column(name = "consultant_code", nullable = false, length = 32)
    public String consultantCode;

    @Column(name = "consultant_region", nullable = false, length = 6)
    public String consultantRegion;

    @Column(nullable = false, length = 60)
    public String specialty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 7)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public ConsultationStatus status;

    @Column(nullable = false, length = 4000)
    public String question;

    @Column(name = "patient_ref", length = 64)
    public String patientRef;

    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(length = 8000)
    public String report;

    @Column(name = "decline_reason", length = 2000)
    public String declineReason;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean overdueAt(Instant now) {
        return status.isOpen() && now.isAfter(deadline);
    }

    ConsultationChanged changed(Instant at) {
        return new ConsultationChanged(id, consortiumId, requesterCode, requesterRegion, consultantCode,
                consultantRegion, specialty, urgency.name(), status.name(), deadline, scheduledAt, at);
    }

    ConsultationCancelled cancelled() {
        return new ConsultationCancelled(id, consortiumId, requesterCode, requesterRegion, consultantCode,
                consultantRegion, specialty, urgency.name(), scheduledAt, closedAt);
    }
}
