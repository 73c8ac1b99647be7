package org.xietong.rotation.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

/**
 * rotation-service's copy of a school from pairing-service, updated from its events. {@code updatedAt} is when this
 * service last applied an event to it (every applied event changes {@code lastEventId}), not pairing-service's time.
 */
@Entity
@Table(name = "school_replica")
public class SchoolReplica extends TrackedEntity {

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
}
