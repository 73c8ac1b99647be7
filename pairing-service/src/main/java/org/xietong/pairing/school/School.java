package org.xietong.pairing.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

@Entity
@Table(name = "school")
public class School extends TrackedEntity {

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
    @Column(nullable = false, length = 20)
    public SchoolLevel level;

    public Double latitude;

    public Double longitude;

    @Column(name = "student_count")
    public Integer studentCount;

    @Column(name = "quality_resource", nullable = false)
    public boolean qualityResource;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;
}
