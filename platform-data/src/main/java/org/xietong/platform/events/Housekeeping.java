package org.xietong.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.xietong.platform.conventions.Idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the rows the platform keeps only for a while: published events older than {@code xietong.events.retention}
 * (the exchange feed's horizon), the inbox's record of events processed as long ago, the push deliveries last tried
 * as long ago, and Idempotency-Keys past their 24 hours. Unpublished events are never deleted, however old. It runs at startup and then hourly on every instance
 * that runs the outbox relay ({@code xietong.events.relay.enabled}); the deletes are idempotent, so instances need
 * not take turns.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    static final Duration EVERY = Duration.ofHours(1);

    /** How many rows one pass deleted, per table. */
    public record Purged(int outboxEvents, int inboxEvents, int idempotencyRecords, int deliveries) {
    }

    private final EntityManager em;
    private final EventsConfig config;
    private volatile ScheduledExecutorService timer;

    public Housekeeping(EntityManager em, EventsConfig config) {
        this.em = em;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::purgeOrLog, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One pass, in its own transaction. */
    public Purged purgeExpired() {
        Instant before = Instant.now().minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> new Purged(
                em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                        .setParameter(1, before).executeUpdate(),
                em.createNativeQuery("DELETE FROM inbox_event WHERE processed_at < ?1")
                        .setParameter(1, before).executeUpdate(),
                em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < now() - CAST(?1 AS interval)")
                        .setParameter(1, Idempotency.EXPIRY).executeUpdate(),
                // A delivery's log lives as long as its event; the cursor, not the log, says what was delivered.
                em.createNativeQuery("DELETE FROM webhook_delivery WHERE last_attempt_at < ?1")
                        .setParameter(1, before).executeUpdate()));
    }

    /** A failed pass (the database away) is logged and tried again at the next hour; nothing is lost by waiting. */
    private void purgeOrLog() {
        try {
            Purged purged = purgeExpired();
            LOG.debugf("housekeeping deleted %s", purged);
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.warnf("housekeeping could not delete expired rows (%s); it tries again in %s", e.getMessage(), EVERY);
            }
        }
    }
}
