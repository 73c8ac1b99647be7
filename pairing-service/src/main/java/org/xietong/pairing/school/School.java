package org.xietong.pairing.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    @Column(length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_type", nullable = false, length = 10)
    public LocationType locationType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public SchoolLevel level;

    public Double latitude;

    public Double longitude;

    @Column(name = "student_count")
    public Integer studentCount;

    @Column(name = "quality_resource", nullable = false)
    public boolean qualityResource;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Version
    @Column(nullable = false)
    public long version;
}
