package org.xietong.pairing.activity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.xietong.platform.persistence.RecordedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "activity")
public class Activity extends RecordedEntity {

    @Id
    public UUID id;

    /** The host: exactly one of a pairing, an alliance (or school district) and a region. */
    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "alliance_id")
    public UUID allianceId;

    @Column(name = "host_region", length = 6)
    public String hostRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ActivityKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    public ActivityMode mode;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(length = 200)
    public String place;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_school", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "school_code", length = 10, nullable = false)
    public Set<String> schools = new LinkedHashSet<>();

    public Integer students;

    public Integer teachers;

    public Integer classes;

    @Column(length = 4000)
    public String summary;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    /** Set when the activity was withdrawn: it stays in the ledger and no longer counts. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 100)
    public String withdrawnBy;

    @Column(name = "withdrawal_reason", length = 500)
    public String withdrawalReason;

    @Version
    public long version;
}
