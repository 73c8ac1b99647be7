package org.xietong.healthcare.expert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.platform.persistence.RecordedEntity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * An expert's clinics at a host institution; its sessions are materialised when it becomes ACTIVE: at once, or for
 * another region's expert when that region's health officer accepts.
 */
@Entity
@Table(name = "outreach_schedule")
public class OutreachSchedule extends RecordedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "expert_id", nullable = false)
    public long expertId;

    @Column(name = "host_institution_code", nullable = false, length = 32)
    public String hostInstitutionCode;

    @Column(name = "host_region", nullable = false, length = 6)
    public String hostRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public RecurrenceKind recurrence;

    @Enumerated(EnumType.STRING)
    @Column(length = 9)
    public DayOfWeek weekday;

    @Column(name = "interval_days")
    public Integer intervalDays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "date[]")
    public LocalDate[] dates;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public HalfDay slot;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public ScheduleStatus status;

    @Column(name = "requested_by", length = 100)
    public String requestedBy;

    @Column(name = "decided_by", length = 100)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "cancelled_by", length = 100)
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    @Version
    public long version;

    public Recurrence recurrenceRule() {
        return new Recurrence(recurrence, weekday, intervalDays, dates == null ? null : Arrays.asList(dates),
                startDate, endDate);
    }
}
