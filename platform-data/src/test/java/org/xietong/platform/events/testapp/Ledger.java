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

    /** A further event about an entry already recorded: the same subject, so its events keep their order. */
    @Transactional
    public void amend(UUID id, String regionCode, String note) {
        outbox.record(RECORDED, id.toString(), List.of(regionCode), Map.of("id", id, "note", note));
    }

    @Transactional
    public void recordThenFail(String regionCode) {
        record(regionCode, "rolled back");
        throw new IllegalStateException("the state change fails after recording its event");
    }
}
