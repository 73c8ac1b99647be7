package org.xietong.healthcare.expert;

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

import java.time.LocalDate;

/** One half-day clinic of an expert at a host; {@code booked} only changes by conditional SQL updates. */
@Entity
@Table(name = "clinic_session")
public class ClinicSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "schedule_id", nullable = false)
    public long scheduleId;

    @Column(name = "expert_id", nullable = false)
    public long expertId;

    @Column(name = "host_institution_code", nullable = false, length = 32)
    public String hostInstitutionCode;

    @Column(name = "host_region", nullable = false, length = 6)
    public String hostRegion;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public HalfDay slot;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public int booked;

    /** OPEN until the host cancels it; a cancelled session takes no booking and frees the expert's half-day. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public SessionStatus status = SessionStatus.OPEN;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    public SessionKey key() {
        return new SessionKey(sessionDate, slot);
    }

    @Version
    public long version;
}
