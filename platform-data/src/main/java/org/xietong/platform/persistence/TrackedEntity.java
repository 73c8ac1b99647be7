package org.xietong.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;

/**
 * A row that is edited after it is written: Hibernate keeps {@code updated_at} and the optimistic {@code version}
 * that the API sends as the ETag and expects back in {@code If-Match}.
 */
@MappedSuperclass
public abstract class TrackedEntity extends RecordedEntity {

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
