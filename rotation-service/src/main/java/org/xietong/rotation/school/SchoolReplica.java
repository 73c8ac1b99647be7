package org.xietong.rotation.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** rotation-service's copy of a school from pairing-service, updated from its events. */
@Entity
@Table(name = "school_replica")
public class SchoolReplica extends PanacheEntityBase {

    @Id
    @Column(length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    public Double latitude;

    public Double longitude;

    @Column(name = "last_event_id", nullable = false, length = 64)
    public String lastEventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
