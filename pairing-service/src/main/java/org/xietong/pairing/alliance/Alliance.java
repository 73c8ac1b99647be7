package org.xietong.pairing.alliance;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import org.xietong.platform.persistence.TrackedEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "alliance")
public class Alliance extends TrackedEntity {

    @Embeddable
    public static class Member {
        @Column(name = "school_code", nullable = false, length = 10)
        public String schoolCode;

        @Column(name = "region_code", nullable = false, length = 6)
        public String regionCode;

        @Column(nullable = false, length = 6)
        public String role;

        @Column(name = "joined_at", nullable = false)
        public Instant joinedAt;

        /** Set in a school district's members: the database keeps a school in at most one. */
        @Column(name = "school_district", nullable = false)
        public boolean schoolDistrict;
    }

    @Embeddable
    public static class Integration {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 12)
        public IntegrationStatus status;

        @Column(length = 2000)
        public String notes;

        @Column(name = "updated_at", nullable = false)
        public Instant updatedAt;
    }

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AllianceKind kind = AllianceKind.EDUCATION_GROUP;

    @Column(name = "lead_school", nullable = false, length = 10)
    public String leadSchool;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alliance_member", joinColumns = @JoinColumn(name = "alliance_id"))
    public List<Member> members = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alliance_integration", joinColumns = @JoinColumn(name = "alliance_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "area", length = 20)
    public Map<IntegrationArea, Integration> integrations = new EnumMap<>(IntegrationArea.class);

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    public List<String> regionCodes() {
        return members.stream().map(m -> m.regionCode).distinct().sorted().toList();
    }

    public boolean hasMember(String school) {
        return members.stream().anyMatch(m -> m.schoolCode.equals(school));
    }
}
