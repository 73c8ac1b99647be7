package org.xietong.healthcare.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.platform.persistence.TrackedEntity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One version of a home region's settlement policy as stored: the row around the {@link SettlementPolicy} document, its
 * rules, in force from {@code validFrom} until the next version begins.
 */
@Entity
@Table(name = "settlement_policy")
@IdClass(StoredSettlementPolicy.Key.class)
public class StoredSettlementPolicy extends TrackedEntity {

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public SettlementPolicy document;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;
}
