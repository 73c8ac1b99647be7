package org.xietong.healthcare.expert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A visiting expert (坐诊专家): professional data only. */
@Entity
@Table(name = "expert")
public class Expert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 100)
    public String title;

    @Column(nullable = false, length = 60)
    public String specialty;

    @Column(name = "home_institution_code", nullable = false, length = 32)
    public String homeInstitutionCode;

    @Column(name = "home_region", nullable = false, length = 6)
    public String homeRegion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
