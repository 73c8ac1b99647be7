package org.xietong.healthcare.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.platform.persistence.TrackedEntity;

/** A home region's settlement policy as stored: the row around the {@link SettlementPolicy} document, its rules. */
@Entity
@Table(name = "settlement_policy")
public class StoredSettlementPolicy extends TrackedEntity {

    @Id
    @Column(name = "region_code", length = 6)
    public String regionCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public SettlementPolicy document;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;
}
