package org.xietong.healthcare.consortium;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

@Entity
@Table(name = "consortium")
public class Consortium extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ConsortiumKind kind;

    @Column(length = 60)
    public String specialty;

    @Column(name = "lead_code", nullable = false, length = 32)
    public String leadCode;

    @Column(name = "lead_region", nullable = false, length = 6)
    public String leadRegion;

    @Column(length = 2000)
    public String description;
}
