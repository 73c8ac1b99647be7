package org.xietong.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Publishes recorded events to Kafka (idempotent producer, acks=all) in outbox order and marks them published.
 * <p>
 * Several instances of a service may run a relay: each batch is taken under a transaction-scoped advisory lock,
 * so only one instance publishes at a time and one aggregate's events never overtake each other. An instance that
 * dies after sending but before committing leaves its batch unmarked; the next batch sends it again, and
 * consumers drop the duplicates through their inbox. Nothing is lost: rows are only marked after Kafka acknowledged
 * every record of the batch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key; each service has its own database, so one key serves all of them. */
    private static final long LEADER_LOCK = 0x7869657431L;

    private final EntityManager em;
    private final EventsConfig config;
    private final OutboxSignal signal;
    private final FeedSignal feedSignal;
    private final Map<String, Object> kafkaConfig;
    /** publishBatch's answer when another instance holds the lead. */
    public static final int NOT_LEADER = -1;
    private static final Duration LEADER_RETRY = Duration.ofMillis(50);

    private volatile KafkaProducer<String, String> producer;
    /** What one batch transaction did: how many events it published, and Kafka's refusal of the rest, if any. */
    private record Batch(int published, RuntimeException failure) {
    }
    private volatile Thread worker;

    public OutboxRelay(EntityManager em, EventsConfig config, OutboxSignal signal, FeedSignal feedSignal,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.em = em;
        this.config = config;
        this.signal = signal;
        this.feedSignal = feedSignal;
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        open();
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Connects the producer; the startup observer does this, tests that run a second relay call it themselves. */
    void open() {
        producer = createProducer();
    }

    void stop(@Observes ShutdownEvent event) {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean failing = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int published = publishBatch();
                if (failing) {
                    LOG.info("outbox relay publishes again");
                    failing = false;
                }
                backoff = Duration.ofMillis(100);
                if (published == NOT_LEADER) {
                    // Another instance is publishing; its snapshot may have missed what we were woken for.
                    signal.await(LEADER_RETRY);
                } else if (published < config.relay().batchSize()) {
                    signal.await(config.relay().idlePoll());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || causedByInterrupt(e)) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("outbox relay cannot publish yet (%s); events stay in the outbox and are retried", rootMessage(e));
                    failing = true;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.relay().maxBackoff()) > 0
                        ? config.relay().maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch if this instance holds the lead; returns how many events it published. */
    public int publishBatch() {
        Batch batch = QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LEADER_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(leader)) {
                return new Batch(NOT_LEADER, null);
            }
            List<StoredEvent> rows = em.createNativeQuery("SELECT seq, " + StoredEvent.COLUMNS + " FROM outbox_event "
                            + "WHERE published_at IS NULL ORDER BY seq LIMIT ?1", StoredEvent.class)
                    .setParameter(1, config.relay().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return new Batch(0, null);
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (StoredEvent row : rows) {
                CloudEvent event = row.toCloudEvent(config.source());
                acks.add(producer.send(new ProducerRecord<>(config.topic(), null, event.subject(), event.data(),
                        event.kafkaHeaders())));
            }
            producer.flush();
            // The events acknowledged before the first failure are marked, in outbox order, and committed; the rest
            // are sent again by the next batch, and consumers drop any duplicate.
            int acknowledged = 0;
            RuntimeException failure = null;
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(30, TimeUnit.SECONDS);
                    acknowledged++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while waiting for Kafka", e);
                    break;
                } catch (Exception e) {
                    failure = new IllegalStateException("Kafka did not acknowledge an event", e);
                    break;
                }
            }
            if (acknowledged > 0) {
                markPublished(rows.subList(0, acknowledged));
            }
            return new Batch(acknowledged, failure);
        });
        if (batch.published() > 0) {
            feedSignal.wake();
        }
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch.published();
    }

    private void markPublished(List<StoredEvent> rows) {
        String seqs = rows.stream().map(r -> Long.toString(r.position())).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("WITH base AS (UPDATE outbox_feed_state SET last_position = last_position + ?2 "
                        + "WHERE id = 1 RETURNING last_position - ?2 AS start), "
                        + "ordered AS (SELECT seq, row_number() OVER (ORDER BY seq) AS rn FROM outbox_event "
                        + "WHERE seq = ANY(CAST(?1 AS bigint[]))) "
                        + "UPDATE outbox_event o SET published_at = now(), feed_position = base.start + ordered.rn "
                        + "FROM base, ordered WHERE o.seq = ordered.seq")
                .setParameter(1, seqs)
                .setParameter(2, (long) rows.size())
                .executeUpdate();
    }

    private KafkaProducer<String, String> createProducer() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Fail a batch within seconds while Kafka is down, so the relay backs off instead of hanging.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace('/', '-').substring(1) + "-outbox-relay");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof org.apache.kafka.common.errors.InterruptException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
