package org.xietong.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.schema.SqlValues;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Records a service's events in its own database, inside the caller's transaction, so an event exists exactly
 * when the state change it describes was committed. The relay is woken right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = Outbox.class.getName() + ".wake";
    /** Well below Kafka's default 1 MB record limit, so a recorded event can always be published. */
    static final int MAX_DATA_BYTES = 512 * 1024;

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;

    public Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxSignal signal) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.signal = signal;
    }

    /**
     * Records an event; must run inside a transaction. {@code subject} is the aggregate id (also the Kafka key,
     * which keeps one aggregate's events in order), {@code regionCodes} the regions the event concerns.
     */
    public UUID record(String type, String subject, Collection<String> regionCodes, Object data) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.record needs an active transaction");
        }
        List<String> regions = List.copyOf(regionCodes);
        if (regions.isEmpty() || !regions.stream().allMatch(RegionCode::isValid)) {
            throw new IllegalArgumentException("an event needs valid GB/T 2260 region codes: " + regions);
        }
        String json = serialize(data);
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("event data over " + MAX_DATA_BYTES + " bytes; publish a reference instead");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO outbox_event (id, type, subject, region_codes, occurred_at, data) "
                        + "VALUES (?1, ?2, ?3, CAST(?4 AS varchar(6)[]), ?5, CAST(?6 AS jsonb))")
                .setParameter(1, id)
                .setParameter(2, type)
                .setParameter(3, subject)
                .setParameter(4, SqlValues.regionArray(regions))
                .setParameter(5, Instant.now())
                .setParameter(6, json)
                // Touches no entity table: no need to flush (and dirty-check) the whole session first, which made
                // a 5,000-row import quadratic.
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }

    private String serialize(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
