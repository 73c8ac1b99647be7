package org.xietong.platform.events.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    public UUID id;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Column(nullable = false, length = 200)
    public String note;
}
