package org.xietong.healthcare.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.platform.persistence.RecordedEntity;
import org.xietong.platform.region.RegionCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded settlement, with the bill and the engine's result as they were when the accumulators were updated. A
 * correction never rewrites it: a reversal marks it REVERSED (who, when, why), and a bill settled again is a new row
 * that {@code replaces} it.
 */
@Entity
@Table(name = "settlement")
public class SettlementRecord extends RecordedEntity {

    @Id
    public UUID id;

    @Column(name = "bill_id", length = 64)
    public String billId;

    @Column(name = "person_id", nullable = false, length = 64)
    public String personId;

    @Column(name = "home_region", nullable = false, length = 6)
    public String homeRegion;

    @Column(name = "treatment_region", nullable = false, length = 6)
    public String treatmentRegion;

    @Column(name = "institution_code", nullable = false, length = 32)
    public String institutionCode;

    @Column(name = "visit_date", nullable = false)
    public LocalDate visitDate;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal total;

    @Column(name = "patient_pays", nullable = false, precision = 18, scale = 2)
    public BigDecimal patientPays;

    @Column(name = "basic_fund", nullable = false, precision = 18, scale = 2)
    public BigDecimal basicFund;

    @Column(name = "serious_illness", nullable = false, precision = 18, scale = 2)
    public BigDecimal seriousIllness;

    @Column(name = "medical_assistance", nullable = false, precision = 18, scale = 2)
    public BigDecimal medicalAssistance;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal fallback;

    /** The bill as settled (with the cross-region kind the registry decided), to settle it again; null before V10. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Bill bill;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public SettlementStatus status = SettlementStatus.SETTLED;

    /** The order in which bills reached the person's accumulators; the database numbers it. */
    @Column(name = "recorded_seq", insertable = false, updatable = false)
    public Long recordedSeq;

    public UUID replaces;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "reversed_by", length = 100)
    public String reversedBy;

    @Column(name = "reversal_reason", length = 500)
    public String reversalReason;

    @Version
    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Settlement result;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    /**
     * Whether a settlement was recorded for a visit on {@code day} or later in the region or under it (its city's and
     * province's rules reach it): the field is homeRegion for policies, treatmentRegion for catalogs.
     */
    static boolean settledSince(String regionField, String regionCode, LocalDate day) {
        return count(regionField + " like ?1 and visitDate >= ?2", RegionCode.scopePrefix(regionCode) + "%", day) > 0;
    }
}
