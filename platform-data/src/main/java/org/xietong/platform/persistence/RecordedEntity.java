package org.xietong.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;

/**
 * A row that records when it was written. Hibernate sets {@code created_at} on insert, so no service assigns it by
 * hand and no update can change it.
 */
@MappedSuperclass
public abstract class RecordedEntity extends PanacheEntityBase {

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
