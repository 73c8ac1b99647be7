package org.xietong.platform.events.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.platform.events.Outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The test app's "service": a state change and its event in one transaction. */
@ApplicationScoped
public class Ledger {

    public static final String RECORDED = "org.xietong.test.ledger.recorded.v1";

    private final EntityManager em;
    private final Outbox outbox;

    public Ledger(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional
    public UUID record(String regionCode, String note) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.regionCode = regionCode;
        entry.note = note;
        em.persist(entry);
        outbox.record(RECORDED, entry.id.toString(), List.of(regionCode), Map.of("id", entry.id, "note", note));
        return entry.id;
    }

    @Transactional
    public void recordThenFail(String regionCode) {
        record(regionCode, "rolled back");
        throw new IllegalStateException("the state change fails after recording its event");
    }
}
