package org.xietong.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Idempotent consumption: an event's id is stored in the same transaction as its effect, so a redelivered event
 * has no second effect. A failing effect is retried a bounded number of times; then the failure is rethrown so
 * the channel's failure strategy moves the record to its dead-letter topic, with the error, instead of blocking
 * the partition.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    static final int ATTEMPTS = 3;

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    public void apply(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> effect) {
        CloudEvent event = CloudEvent.fromKafka(record.headers(), record.value());
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event)) {
                        effect.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.debugf(e, "event %s failed in attempt %d", event.id(), attempt);
                pause(200L * attempt);
            }
        }
        LOG.warnf("event %s (%s) failed %d times; it goes to the dead-letter topic: %s",
                event.id(), event.type(), ATTEMPTS, last.getMessage());
        throw last;
    }

    /** Within the caller's transaction: true the first time this consumer sees this event. */
    boolean firstDelivery(String consumer, CloudEvent event) {
        return em.createNativeQuery("INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
