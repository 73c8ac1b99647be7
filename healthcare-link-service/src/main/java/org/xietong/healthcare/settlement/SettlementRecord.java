package org.xietong.healthcare.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.platform.persistence.RecordedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded settlement, with the engine's result as it was when the accumulators were updated. */
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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Settlement result;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;
}
