package org.xietong.healthcare.consortium;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "consortium_member")
public class ConsortiumMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consortium_id", nullable = false)
    public long consortiumId;

    @Column(name = "institution_code", nullable = false, length = 32)
    public String institutionCode;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;
}
