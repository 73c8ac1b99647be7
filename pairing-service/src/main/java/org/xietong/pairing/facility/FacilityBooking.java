package org.xietong.pairing.facility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Places a partner school booked in a slot. */
@Entity
@Table(name = "resource_booking")
public class FacilityBooking extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Column(name = "school_code", nullable = false, length = 10)
    public String schoolCode;

    @Column(nullable = false)
    public int places;

    @Column(name = "booked_by", nullable = false, length = 100)
    public String bookedBy;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by", length = 100)
    public String cancelledBy;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    @Version
    public long version;
}
