package org.xietong.systemtests;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.xietong.devstack.DevStack;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where each registered school's event went, read from the databases and the topic themselves: pairing-service's
 * outbox (the event), the topic (how many times it was sent), rotation-service's inbox (seen), its audit trail
 * (one entry per applied effect, written in the effect's transaction) and its school replica (the effect).
 */
final class SchoolEventDelivery {

    static final String REGISTERED = "org.xietong.pairing.school.registered.v1";
    static final String TOPIC = "xietong.pairing.events";
    static final String CONSUMER = "rotation.school-replica";
    /** rotation-service's consumer group (mp.messaging.incoming.pairing-events.group.id). */
    static final String GROUP = "rotation-service";

    private final DevStack stack;

    SchoolEventDelivery(DevStack stack) {
        this.stack = stack;
    }

    /** The school.registered event id of each code, from pairing-service's outbox, and whether it was published. */
    record Recorded(Map<String, String> eventByCode, int unpublished, int eventsPerCodeOverOne) {
    }

    Recorded recorded(Collection<String> codes) throws SQLException {
        Map<String, String> events = new HashMap<>();
        int unpublished = 0;
        int extra = 0;
        try (Connection c = connect("pairing");
             PreparedStatement ps = c.prepareStatement("SELECT subject, CAST(id AS text), published_at FROM outbox_event "
                     + "WHERE type = ? AND subject = ANY(?)")) {
            ps.setString(1, REGISTERED);
            ps.setArray(2, c.createArrayOf("varchar", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (events.put(rs.getString(1), rs.getString(2)) != null) {
                        extra++;
                    }
                    if (rs.getTimestamp(3) == null) {
                        unpublished++;
                    }
                }
            }
        }
        return new Recorded(events, unpublished, extra);
    }

    /** The events of {@code eventIds} rotation-service's consumer has recorded in its inbox, with when. */
    Map<String, Instant> seen(Collection<String> eventIds) throws SQLException {
        Map<String, Instant> seen = new HashMap<>();
        try (Connection c = connect("rotation");
             PreparedStatement ps = c.prepareStatement("SELECT event_id, processed_at FROM inbox_event "
                     + "WHERE consumer = ? AND event_id = ANY(?)")) {
            ps.setString(1, CONSUMER);
            ps.setArray(2, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return seen;
    }

    /** How many times each event's effect was applied: the consumer's audit entries naming the event. */
    Map<String, Integer> effects(Collection<String> eventIds) throws SQLException {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = connect("rotation");
             PreparedStatement ps = c.prepareStatement("SELECT summary ->> 'event', count(*) FROM audit_entry "
                     + "WHERE action = 'school-replica.applied' AND summary ->> 'event' = ANY(?) GROUP BY 1")) {
            ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return applied;
    }

    /** The replica's rows of {@code codes}: code to the id of the last event applied to it. */
    Map<String, String> replica(Collection<String> codes) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = connect("rotation");
             PreparedStatement ps = c.prepareStatement("SELECT code, last_event_id FROM school_replica WHERE code = ANY(?)")) {
            Array array = c.createArrayOf("varchar", codes.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    /** One record of the topic: the event it carries and where it is. */
    record Copy(String eventId, int partition, long offset) {
    }

    /** The records of the topic that carry one of {@code eventIds}; an event twice was sent again after a failure. */
    List<Copy> onTopic(Set<String> eventIds) {
        List<Copy> copies = new ArrayList<>();
        Properties properties = kafkaProperties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + TOPIC + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    String eventId = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
                    if (eventIds.contains(eventId)) {
                        copies.add(new Copy(eventId, record.partition(), record.offset()));
                    }
                }
            }
        }
        return copies;
    }

    /** The offsets rotation-service's consumer group has committed, by partition of the topic. */
    Map<Integer, Long> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(kafkaProperties())) {
            Map<Integer, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (partition.topic().equals(TOPIC) && offset != null) {
                            committed.put(partition.partition(), offset.offset());
                        }
                    });
            return committed;
        }
    }

    private Properties kafkaProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        return properties;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(database), database, database + "-dev");
    }
}
