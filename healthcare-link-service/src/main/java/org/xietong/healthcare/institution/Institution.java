package org.xietong.healthcare.institution;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.platform.persistence.TrackedEntity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "institution")
public class Institution extends TrackedEntity {

    @Id
    @Column(length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public InstitutionLevel level = InstitutionLevel.UNRATED;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public InstitutionType type = InstitutionType.GENERAL;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] capabilities = new String[0];

    public Double latitude;

    public Double longitude;

    public boolean has(Capability capability) {
        return Arrays.asList(capabilities).contains(capability.name());
    }

    public Set<Capability> capabilitySet() {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        Arrays.stream(capabilities).map(Capability::valueOf).forEach(set::add);
        return set;
    }
}
