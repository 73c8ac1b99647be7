package org.xietong.healthcare.expert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.persistence.RecordedEntity;

import java.time.Instant;

/** A patient's seat in a clinic session; the patient is an opaque reference from the booking system. */
@Entity
@Table(name = "appointment")
public class Appointment extends RecordedEntity {

    @Schema(name = "AppointmentStatus")
    public enum Status { BOOKED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "patient_ref", nullable = false, length = 64)
    public String patientRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public Status status;

    @Column(name = "booked_by", nullable = false, length = 100)
    public String bookedBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
