package org.xietong.healthcare.expert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

/** A visiting expert (坐诊专家): professional data only. */
@Entity
@Table(name = "expert")
public class Expert extends TrackedEntity {

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
}
