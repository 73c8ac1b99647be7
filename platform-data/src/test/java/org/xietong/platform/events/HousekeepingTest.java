package org.xietong.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Housekeeping deletes what has outlived its keeping period and nothing else. */
@QuarkusTest
class HousekeepingTest {

    private static final String CALLER = "housekeeping-test";
    private static final String CONSUMER = "housekeeping-test";

    @Inject
    Housekeeping housekeeping;
    @Inject
    EventsConfig config;
    @Inject
    EntityManager em;

    @Test
    void expiredRowsAreDeletedAndEverythingYoungerOrUnpublishedIsKept() {
        Instant expired = Instant.now().minus(config.retention()).minus(Duration.ofDays(1));
        Instant young = Instant.now().minus(config.retention()).plus(Duration.ofDays(1));
        UUID publishedLongAgo = outboxEvent(expired, expired);
        UUID publishedRecently = outboxEvent(expired, young);
        // Never published (Kafka away for months): the relay still owes it, so it stays whatever its age.
        UUID neverPublished = outboxEvent(expired, null);
        String processedLongAgo = inboxEvent(expired);
        String processedRecently = inboxEvent(young);
        String keyOf25Hours = idempotencyRecord(Duration.ofHours(25));
        String keyOf23Hours = idempotencyRecord(Duration.ofHours(23));

        housekeeping.purgeExpired();

        assertAll(
                () -> assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE id = ?1", publishedLongAgo),
                        "an event published before the retention period"),
                () -> assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE id = ?1", publishedRecently),
                        "an event published within the retention period"),
                () -> assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE id = ?1", neverPublished),
                        "an old event not yet published"),
                () -> assertEquals(0L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", processedLongAgo),
                        "an inbox entry processed before the retention period"),
                () -> assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", processedRecently),
                        "an inbox entry processed within the retention period"),
                () -> assertEquals(0L, count("SELECT count(*) FROM idempotency_record WHERE idem_key = ?1", keyOf25Hours),
                        "an Idempotency-Key of 25 hours"),
                () -> assertEquals(1L, count("SELECT count(*) FROM idempotency_record WHERE idem_key = ?1", keyOf23Hours),
                        "an Idempotency-Key of 23 hours"));
    }

    /** An event as the relay leaves it; one not yet published may be published by the running relay meanwhile. */
    private UUID outboxEvent(Instant occurredAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Query insert = em.createNativeQuery("INSERT INTO outbox_event "
                            + "(id, type, subject, region_codes, occurred_at, data, published_at) "
                            + "VALUES (?1, 'org.xietong.test.housekeeping.v1', ?2, CAST('{110105}' AS varchar(6)[]), ?3, "
                            + "CAST(?4 AS jsonb), " + (publishedAt == null ? "NULL" : "?5") + ")")
                    .setParameter(1, id)
                    .setParameter(2, id.toString())
                    .setParameter(3, occurredAt)
                    .setParameter(4, "{\"id\":\"" + id + "\",\"note\":\"housekeeping\"}");
            if (publishedAt != null) {
                insert.setParameter(5, publishedAt);
            }
            insert.executeUpdate();
        });
        return id;
    }

    private String inboxEvent(Instant processedAt) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO inbox_event "
                        + "(consumer, event_id, event_type, processed_at) VALUES (?1, ?2, 'org.xietong.test.housekeeping.v1', ?3)")
                .setParameter(1, CONSUMER).setParameter(2, id).setParameter(3, processedAt)
                .executeUpdate());
        return id;
    }

    private String idempotencyRecord(Duration age) {
        String key = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotency_record "
                        + "(caller, idem_key, request_hash, status, created_at) "
                        + "VALUES (?1, ?2, repeat('0', 64), 201, now() - CAST(?3 AS interval))")
                .setParameter(1, CALLER).setParameter(2, key).setParameter(3, age.toHours() + " hours")
                .executeUpdate());
        return key;
    }

    private long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
