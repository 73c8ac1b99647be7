package org.xietong.platform.events;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestBroker;
import org.xietong.platform.events.testapp.Ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    Ledger ledger;
    @Inject
    EntityManager em;
    @Inject
    EventsConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void nothingIsLostWhileKafkaIsDownAndNothingIsAppliedTwice() {
        TestBroker.stop();
        Set<String> entries = new HashSet<>();
        try {
            for (int i = 0; i < 500; i++) {
                entries.add(ledger.record("110105", "written while Kafka is down #" + i).toString());
            }
            assertEquals(500L, count("SELECT count(*) FROM outbox_event o JOIN ledger_entry l ON o.subject = CAST(l.id AS text) "
                    + "WHERE o.published_at IS NULL AND l.note LIKE 'written while Kafka is down%'"));
        } finally {
            TestBroker.start();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> appliedFor(entries) == 500);

        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(config.topic(), r -> entries.contains(r.key()));
        assertEquals(500, records.size(), "exactly 500 events on the topic");
        assertEquals(500, appliedFor(entries), "exactly 500 effects");
        assertEquals(500L, count("SELECT count(DISTINCT event_id) FROM applied_effect"
                + " WHERE entry_id IN (SELECT CAST(id AS text) FROM ledger_entry WHERE note LIKE 'written while Kafka is down%')"));
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        long before = count("SELECT count(*) FROM outbox_event");
        assertThrows(IllegalStateException.class, () -> ledger.recordThenFail("110105"));
        assertEquals(before, count("SELECT count(*) FROM outbox_event"));
    }

    @Test
    void eventsAreCloudEventsKeyedByAggregate() {
        String entry = ledger.record("150702", "牙克石市 研学").toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(Set.of(entry)) == 1);
        ConsumerRecord<String, String> record = KafkaTopics.readAll(config.topic(), r -> entry.equals(r.key())).get(0);
        CloudEvent event = CloudEvent.fromKafka(record.headers(), record.value());
        assertEquals("1.0", event.specversion());
        assertEquals("/xietong/test", event.source());
        assertEquals(Ledger.RECORDED, event.type());
        assertEquals(entry, event.subject());
        assertEquals("150702", event.regioncodes());
        assertNotNull(UUID.fromString(event.id()));
        assertNotNull(event.time());
        assertEquals("application/json", event.datacontenttype());
        assertEquals(true, event.data().contains("牙克石市 研学"), event.data());
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() throws Exception {
        String entry = UUID.randomUUID().toString();
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), "/xietong/test", Ledger.RECORDED, entry,
                Instant.now(), List.of("110105"), "{\"id\":\"" + entry + "\",\"note\":\"once\"}");
        String sentinel = UUID.randomUUID().toString();
        KafkaTopics.send(config.topic(), "same-partition", event);
        KafkaTopics.send(config.topic(), "same-partition", event);
        KafkaTopics.send(config.topic(), "same-partition", CloudEvent.of(UUID.randomUUID().toString(), "/xietong/test",
                Ledger.RECORDED, sentinel, Instant.now(), List.of("110105"), "{\"id\":\"" + sentinel + "\",\"note\":\"after\"}"));

        // The sentinel follows both copies on one partition: once it is applied, both copies were consumed.
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(Set.of(sentinel)) == 1);
        assertEquals(1, appliedFor(Set.of(entry)));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() throws Exception {
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        KafkaTopics.send(config.topic(), "poison-partition", CloudEvent.of(UUID.randomUUID().toString(), "/xietong/test",
                Ledger.RECORDED, poison, Instant.now(), List.of("110105"), "{\"id\":\"" + poison + "\",\"note\":\"poison\"}"));
        KafkaTopics.send(config.topic(), "poison-partition", CloudEvent.of(UUID.randomUUID().toString(), "/xietong/test",
                Ledger.RECORDED, next, Instant.now(), List.of("110105"), "{\"id\":\"" + next + "\",\"note\":\"fine\"}"));

        await().atMost(Duration.ofSeconds(60)).until(() -> appliedFor(Set.of(next)) == 1);
        assertEquals(0, appliedFor(Set.of(poison)));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.readAll("xietong.test.dlq", r -> r.value().contains(poison));
        assertEquals(1, dead.size());
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertEquals(true, reason.contains("can never be applied"), reason);
    }

    @Test
    void twoRelaysOverOneOutboxPublishEveryEvent() throws Exception {
        OutboxRelay second = new OutboxRelay(em, config, new OutboxSignal(), new FeedSignal(), kafkaConfig);
        second.open();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread competitor = new Thread(() -> {
            while (writing.get()) {
                second.publishBatch();
            }
        });
        competitor.start();
        Set<String> entries = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            entries.add(ledger.record("110118", "two relays #" + i).toString());
        }
        writing.set(false);
        competitor.join(60_000);
        second.stop(null);

        await().atMost(Duration.ofSeconds(60)).until(() -> appliedFor(entries) == 200);
        Set<String> published = KafkaTopics.readAll(config.topic(), r -> entries.contains(r.key())).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet());
        assertEquals(entries, published, "every event published");
        assertEquals(200, appliedFor(entries), "each applied once");
        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
    }

    private int appliedFor(Set<String> entries) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> applied = em.createNativeQuery("SELECT entry_id FROM applied_effect").getResultList();
            return (int) applied.stream().filter(entries::contains).count();
        });
    }

    private long count(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
