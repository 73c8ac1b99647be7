package org.xietong.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Idempotent consumption: an event's id is stored in the same transaction as its effect, so a redelivered event
 * has no second effect. An effect that fails by itself is retried a bounded number of times; then the failure is
 * rethrown so the channel's failure strategy moves the record to its dead-letter topic, with the error, instead of
 * blocking the partition. While the database itself is away, the consumer waits for it instead: those events are
 * fine and must not be dead-lettered.
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
        int failures = 0;
        long backoff = 200;
        boolean waitingForInfrastructure = false;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event)) {
                        effect.accept(event);
                    }
                });
                if (waitingForInfrastructure) {
                    LOG.infof("%s applies events again", consumer);
                }
                return;
            } catch (RuntimeException e) {
                if (Transience.isInfrastructure(e)) {
                    // The database is away or busy: wait for it rather than dead-lettering events that are fine.
                    if (!waitingForInfrastructure) {
                        LOG.warnf("%s waits for its database: %s", consumer, e.getMessage());
                        waitingForInfrastructure = true;
                    }
                    pause(backoff);
                    backoff = Math.min(backoff * 2, 10_000);
                    continue;
                }
                if (++failures >= ATTEMPTS) {
                    LOG.warnf("event %s (%s) failed %d times; it goes to the dead-letter topic: %s",
                            event.id(), event.type(), ATTEMPTS, e.getMessage());
                    throw e;
                }
                LOG.debugf(e, "event %s failed in attempt %d", event.id(), failures);
                pause(200L * failures);
            }
        }
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
            throw new IllegalStateException("interrupted while applying an event", e);
        }
    }
}
