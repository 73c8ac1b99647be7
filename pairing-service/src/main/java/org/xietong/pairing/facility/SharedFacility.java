package org.xietong.pairing.facility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.RecordedEntity;

import java.util.UUID;

/** A facility a school opens to its partner schools; the table keeps its first name, shared_resource. */
@Entity
@Table(name = "shared_resource")
public class SharedFacility extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "owner_school", nullable = false, length = 10)
    public String ownerSchool;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public FacilityKind kind;

    @Column(length = 2000)
    public String description;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;
}
