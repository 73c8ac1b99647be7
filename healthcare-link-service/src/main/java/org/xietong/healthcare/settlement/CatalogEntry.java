package org.xietong.healthcare.settlement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.ItemClass;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One version of an item of a treatment region's catalog (就医地目录). */
@Entity
@Table(name = "settlement_catalog_item")
@IdClass(CatalogEntry.Key.class)
public class CatalogEntry extends PanacheEntityBase {

    public record Key(String regionCode, String itemCode, LocalDate validFrom) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "region_code", length = 6)
    public String regionCode;

    @Id
    @Column(name = "item_code", length = 40)
    public String itemCode;

    /** The first day this version of the item is in force; it ends when the next version begins. */
    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_class", nullable = false, length = 1)
    public ItemClass itemClass;

    @Column(name = "self_pay_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal selfPayPercent;

    @Column(name = "unit_price", precision = 12, scale = 2)
    public BigDecimal unitPrice;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    public CatalogItem toItem() {
        return new CatalogItem(itemCode, name, itemClass, selfPayPercent, unitPrice);
    }
}
