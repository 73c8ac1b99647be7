package org.xietong.pairing.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Days a pairing was ACTIVE, from {@code activeFrom} to {@code activeTo} (null: still ACTIVE). */
@Entity
@Table(name = "pairing_active_period")
public class ActivePeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pairing_id", nullable = false)
    public UUID pairingId;

    @Column(name = "active_from", nullable = false)
    public LocalDate activeFrom;

    @Column(name = "active_to")
    public LocalDate activeTo;
}
