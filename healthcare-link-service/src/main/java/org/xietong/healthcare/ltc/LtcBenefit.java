package org.xietong.healthcare.ltc;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A region's monthly long-term-care benefit for one grade, in one version of its benefit table. */
@Entity
@Table(name = "ltc_benefit")
@IdClass(LtcBenefit.Key.class)
public class LtcBenefit extends PanacheEntityBase {

    public record Key(String regionCode, Integer grade, LocalDate validFrom) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "region_code", length = 6)
    public String regionCode;

    @Id
    public Integer grade;

    /** The first day of the benefit table this row belongs to; the table ends when the region's next begins. */
    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "monthly_amount", nullable = false, precision = 10, scale = 2)
    public BigDecimal monthlyAmount;
}
