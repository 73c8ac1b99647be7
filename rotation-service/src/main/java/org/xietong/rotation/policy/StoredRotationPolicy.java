package org.xietong.rotation.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.platform.persistence.TrackedEntity;
import org.xietong.rotation.matching.MatchingWeights;

import java.io.Serializable;
import java.time.LocalDate;

/** One version of a region's own {@link RotationPolicy} as stored, in force from {@code validFrom}, with who last set it. */
@Entity
@Table(name = "rotation_policy")
@IdClass(StoredRotationPolicy.Key.class)
public class StoredRotationPolicy extends TrackedEntity {

    public record Key(String regionCode, LocalDate validFrom) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "region_code", length = 6)
    public String regionCode;

    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "min_years_at_school", nullable = false)
    public int minYearsAtSchool;

    @Column(name = "cycle_years", nullable = false)
    public int cycleYears;

    @Column(name = "first_cycle_start", nullable = false)
    public int firstCycleStart;

    @Column(name = "retirement_exempt_years", nullable = false)
    public int retirementExemptYears;

    @Column(name = "retirement_age_male", nullable = false)
    public int retirementAgeMale;

    @Column(name = "retirement_age_female", nullable = false)
    public int retirementAgeFemale;

    @Column(name = "outflow_cap_percent", nullable = false)
    public int outflowCapPercent;

    @Column(name = "cross_district_linked_only", nullable = false)
    public boolean crossDistrictLinkedOnly;

    @Column(name = "target_yearly_percent", nullable = false)
    public int targetYearlyPercent;

    @Column(name = "target_backbone_percent", nullable = false)
    public int targetBackbonePercent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public MatchingWeights weights;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    RotationPolicy toRotationPolicy() {
        return new RotationPolicy(minYearsAtSchool, cycleYears, firstCycleStart, retirementExemptYears, retirementAgeMale,
                retirementAgeFemale, outflowCapPercent, crossDistrictLinkedOnly, targetYearlyPercent,
                targetBackbonePercent, weights);
    }

    void apply(RotationPolicy policy) {
        minYearsAtSchool = policy.minYearsAtSchool();
        cycleYears = policy.cycleYears();
        firstCycleStart = policy.firstCycleStart();
        retirementExemptYears = policy.retirementExemptYears();
        retirementAgeMale = policy.retirementAgeMale();
        retirementAgeFemale = policy.retirementAgeFemale();
        outflowCapPercent = policy.outflowCapPercent();
        crossDistrictLinkedOnly = policy.crossDistrictLinkedOnly();
        targetYearlyPercent = policy.targetYearlyPercent();
        targetBackbonePercent = policy.targetBackbonePercent();
        weights = policy.weights();
    }
}
