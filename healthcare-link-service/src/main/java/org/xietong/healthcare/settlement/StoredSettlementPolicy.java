package org.xietong.healthcare.settlement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;

import java.time.Instant;

/** A home region's settlement policy document. */
@Entity
@Table(name = "settlement_policy")
public class StoredSettlementPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "region_code", length = 6)
    public String regionCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public SettlementPolicy document;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Version
    public long version;
}
