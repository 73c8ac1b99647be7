package org.xietong.platform.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.xietong.platform.events.CloudEvent;
import org.xietong.platform.events.EventsConfig;
import org.xietong.platform.events.FeedSignal;
import org.xietong.platform.region.RegionCode;

import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Posts each subscription's events to its endpoint, signed (Standard Webhooks), from the exchange feed, which holds
 * every committed event once Kafka has it, so nothing committed is missed. A subject's events go one after another in
 * feed order, so they arrive in order; different subjects' events go in up to {@code concurrency} lanes at once. The
 * subscription's cursor moves only past events delivered or dead-lettered, after the attempts are recorded, so an
 * instance that dies mid-turn posts them again (at least once; the receiver applies each webhook-id once).
 * <p>
 * A failing event holds back its subscription's cursor and is retried with back-off until its retry window ends;
 * then it is dead-lettered and the next is tried. Each subscription takes one worker at a time, leased in the
 * database so that several instances share subscriptions without delivering one twice at once; requests are
 * asynchronous, so a slow or failing receiver holds only its own subscription's turn.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** How far one turn looks past the cursor, as the filtered feed does. */
    static final long WINDOW = 10_000;
    /** A turn stops posting after this long; its lease is twice as long. */
    static final Duration TURN = Duration.ofSeconds(30);
    private static final Duration LEASE = TURN.multipliedBy(2).plus(Duration.ofSeconds(20));

    private final EntityManager em;
    private final DeliveryConfig config;
    private final EventsConfig events;
    private final FeedSignal signal;
    private final ObjectMapper json;
    private final String instance = UUID.randomUUID().toString();
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile HttpClient http;
    private volatile ExecutorService workers;
    private volatile Thread dispatcher;

    public DeliveryWorker(EntityManager em, DeliveryConfig config, EventsConfig events, FeedSignal signal,
                          ObjectMapper json) {
        this.em = em;
        this.config = config;
        this.events = events;
        this.signal = signal;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "delivery-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = new Thread(this::dispatch, "delivery-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void dispatch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (UUID id : due()) {
                    if (inFlight.add(id)) {
                        workers.execute(() -> deliverAll(id));
                    }
                }
                signal.await(config.idlePoll());
                // Let events gather a moment, so that a turn posts several rather than one.
                Thread.sleep(config.linger().toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warnf("deliveries wait (%s); they are tried again", e.getMessage());
                try {
                    Thread.sleep(config.idlePoll().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Subscriptions with events past their cursor, not waiting for a retry and not leased by another instance. */
    @SuppressWarnings("unchecked")
    private List<UUID> due() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery(
                        "SELECT CAST(s.id AS text) FROM webhook_subscription s, outbox_feed_state f WHERE f.id = 1 "
                                + "AND s.enabled AND s.delivered_through < f.last_position AND (s.next_attempt_at IS NULL "
                                + "OR s.next_attempt_at <= now()) AND (s.leased_until IS NULL OR s.leased_until < now()) "
                                + "ORDER BY s.next_attempt_at NULLS FIRST LIMIT 1000")
                .getResultList()).stream().map(id -> UUID.fromString(id.toString())).toList());
    }

    private void deliverAll(UUID id) {
        try {
            while (!Thread.currentThread().isInterrupted() && turn(id)) {
                // a full batch went out: take the next at once
            }
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.warnf("delivery of subscription %s paused (%s); it is tried again", id, e.getMessage());
            }
        } finally {
            inFlight.remove(id);
            // Events published while this turn ran found it in flight and were skipped: look again at once.
            signal.wake();
        }
    }

    record Lease(long through, String types, String regions, String ownerScope, String endpoint, String secret,
                 String previousSecret, Instant previousSecretUntil, long version) {
    }

    record PendingEvent(long position, String id, String type, String subject, String regionCodes, Instant occurredAt,
                        String data, Instant publishedAt) {
    }

    /** What one POST gave. */
    record Outcome(PendingEvent event, Instant at, Integer status, int latencyMs, String error, DeliveryState state) {
    }

    /** A leased subscription, the feed's end when it was read, and the subscription's events up to there. */
    record Turn(Lease lease, long last, long until, List<PendingEvent> pending) {
    }

    /** One turn of a subscription; whether it should take another at once. Package-visible for tests. */
    boolean turn(UUID id) {
        // One transaction: lease, the feed's end, then the events up to it (each statement sees all committed so far).
        Optional<Turn> started = QuarkusTransaction.requiringNew().call(() -> lease(id).map(lease -> {
            long last = ((Number) em.createNativeQuery("SELECT last_position FROM outbox_feed_state WHERE id = 1")
                    .getSingleResult()).longValue();
            long until = Math.min(last, lease.through() + WINDOW);
            return new Turn(lease, last, until, read(lease, until));
        }));
        if (started.isEmpty()) {
            return false;
        }
        Lease lease = started.get().lease();
        long last = started.get().last();
        long until = started.get().until();
        List<PendingEvent> pending = started.get().pending();
        Map<Long, Outcome> answered = postInLanes(lease, pending, Instant.now().plus(TURN));
        // The cursor moves through the events answered in feed order, up to the first that is still failing or
        // was not sent; what other lanes delivered beyond it is sent again next turn (the receiver applies it once).
        List<Outcome> outcomes = pending.stream().map(e -> answered.get(e.position())).filter(Objects::nonNull).toList();
        long through = lease.through();
        boolean failing = false;
        int handled = 0;
        for (PendingEvent event : pending) {
            Outcome outcome = answered.get(event.position());
            if (outcome == null) {
                break;
            }
            if (outcome.state() == DeliveryState.PENDING) {
                failing = true;
                break;
            }
            through = event.position();
            handled++;
        }
        long head = failing ? pending.get(handled).position() : -1;
        boolean handledAll = handled == pending.size();
        boolean readToEnd = handledAll && pending.size() < config.batchSize();
        if (!failing && readToEnd) {
            // Every event of the window that the subscription wants was delivered: skip the rest of the window.
            through = until;
        }
        long newThrough = through;
        boolean stillFailing = failing;
        QuarkusTransaction.requiringNew().run(() -> record(id, lease, outcomes, newThrough, stillFailing ? head : -1));
        return !failing && (!readToEnd || until < last);
    }

    @SuppressWarnings("unchecked")
    private Optional<Lease> lease(UUID id) {
        List<Lease> rows = em.createNativeQuery("SELECT delivered_through, array_to_string(types, ',') AS types, "
                        + "array_to_string(region_codes, ',') AS regions, owner_scope, endpoint, secret, previous_secret, "
                        + "previous_secret_until, version FROM webhook_subscription WHERE id = ?1 AND enabled "
                        + "AND (leased_until IS NULL OR leased_until < now()) AND (next_attempt_at IS NULL OR "
                        + "next_attempt_at <= now()) FOR UPDATE SKIP LOCKED", Lease.class)
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        em.createNativeQuery("UPDATE webhook_subscription SET lease_owner = ?2, leased_until = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, instance).setParameter(3, Instant.now().plus(LEASE))
                .executeUpdate();
        return Optional.of(rows.get(0));
    }

    @SuppressWarnings("unchecked")
    private List<PendingEvent> read(Lease lease, long until) {
        String types = lease.types().isEmpty() ? "{}" : Arrays.stream(lease.types().split(","))
                .map(t -> t.replace("*", "%")).collect(Collectors.joining(",", "{", "}"));
        String regions = lease.regions().isEmpty() ? "{" + lease.ownerScope() + "%}" : Arrays.stream(lease.regions().split(","))
                .map(r -> RegionCode.scopePrefix(r) + "%").collect(Collectors.joining(",", "{", "}"));
        return em.createNativeQuery("SELECT feed_position, CAST(id AS text) AS id, type, subject, "
                        + "array_to_string(region_codes, ' ') AS region_codes, occurred_at, CAST(data AS text) AS data, "
                        + "published_at FROM outbox_event WHERE feed_position > ?1 AND feed_position <= ?2 "
                        + "AND (?3 = '{}' OR type LIKE ANY (CAST(?3 AS text[]))) AND EXISTS (SELECT 1 FROM "
                        + "unnest(region_codes) AS rc WHERE rc LIKE ANY (CAST(?4 AS text[])) AND rc LIKE ?5 || '%') "
                        + "ORDER BY feed_position LIMIT ?6", PendingEvent.class)
                .setParameter(1, lease.through())
                .setParameter(2, until)
                .setParameter(3, types)
                .setParameter(4, regions)
                .setParameter(5, lease.ownerScope())
                .setParameter(6, config.batchSize())
                .getResultList();
    }

    /**
     * Posts a turn's events, in up to {@code concurrency} lanes at once: a subject's events share a lane and go one
     * after another in feed order, so they arrive in order; a lane stops at its first event still failing. The
     * requests are asynchronous, so waiting on a receiver holds no thread. Returns each answered event's outcome.
     */
    private Map<Long, Outcome> postInLanes(Lease lease, List<PendingEvent> pending, Instant deadline) {
        Map<Long, Outcome> answered = new ConcurrentHashMap<>();
        if (pending.isEmpty()) {
            return answered;
        }
        WebhookEndpoint endpoint;
        try {
            endpoint = WebhookEndpoint.parse(lease.endpoint(), config.allowance());
            endpoint.requireReachable(config.allowance());
        } catch (UnknownHostException | RuntimeException e) {
            // The endpoint itself is refused (its name now resolves to a private address): the head fails.
            PendingEvent first = pending.get(0);
            answered.put(first.position(), outcome(first, Instant.now(), System.nanoTime(), null,
                    "refused: " + e.getMessage()));
            return answered;
        }
        Map<Integer, List<PendingEvent>> lanes = new TreeMap<>();
        for (PendingEvent event : pending) {
            lanes.computeIfAbsent(Math.floorMod(event.subject().hashCode(), config.concurrency()),
                    lane -> new ArrayList<>()).add(event);
        }
        CompletableFuture<?>[] running = lanes.values().stream()
                .map(lane -> sendLane(lease, endpoint, lane.iterator(), answered, deadline))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(running).get(Duration.between(Instant.now(), deadline).toMillis()
                    + config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // What was answered is kept; the rest is sent again next turn.
        }
        return answered;
    }

    private CompletableFuture<Void> sendLane(Lease lease, WebhookEndpoint endpoint, Iterator<PendingEvent> lane,
                                             Map<Long, Outcome> answered, Instant deadline) {
        if (!lane.hasNext() || Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
            return CompletableFuture.completedFuture(null);
        }
        PendingEvent event = lane.next();
        return post(lease, endpoint, event).thenCompose(outcome -> {
            answered.put(event.position(), outcome);
            return outcome.state() == DeliveryState.PENDING ? CompletableFuture.completedFuture(null)
                    : sendLane(lease, endpoint, lane, answered, deadline);
        });
    }

    private CompletableFuture<Outcome> post(Lease lease, WebhookEndpoint endpoint, PendingEvent event) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            byte[] body = json.writeValueAsBytes(new CloudEvent(CloudEvent.SPEC_VERSION, event.id(), events.source(),
                    event.type(), event.subject(), event.occurredAt(), CloudEvent.JSON, event.regionCodes(), event.data()));
            long timestamp = at.getEpochSecond();
            String signature = WebhookSignature.sign(lease.secret(), event.id(), timestamp, body);
            if (lease.previousSecret() != null && lease.previousSecretUntil() != null
                    && lease.previousSecretUntil().isAfter(at)) {
                signature += " " + WebhookSignature.sign(lease.previousSecret(), event.id(), timestamp, body);
            }
            request = HttpRequest.newBuilder(endpoint.uri())
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("webhook-id", event.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .header("User-Agent", "Xietong-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(outcome(event, at, started, null,
                    "the event could not be written: " + e.getOriginalMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return outcome(event, at, started, null, cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
            int status = response.statusCode();
            return outcome(event, at, started, status, status / 100 == 2 ? null : "the receiver answered " + status);
        });
    }

    /** An attempt's outcome; a failure past the event's retry window is dead-lettered. */
    private Outcome outcome(PendingEvent event, Instant at, long started, Integer status, String error) {
        int latency = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        DeliveryState state = error == null ? DeliveryState.DELIVERED
                : config.retrySchedule().expired(event.publishedAt(), Instant.now()) ? DeliveryState.DEAD
                : DeliveryState.PENDING;
        return new Outcome(event, at, status, latency, error == null ? null : truncate(error), state);
    }

    @SuppressWarnings("unchecked")
    private void record(UUID id, Lease lease, List<Outcome> outcomes, long through, long failingHead) {
        boolean failing = failingHead >= 0;
        Instant nextAttempt = null;
        if (!outcomes.isEmpty()) {
            List<Object> pendingAttempts = em.createNativeQuery("WITH input AS (SELECT * FROM jsonb_to_recordset(CAST(?2 AS jsonb)) "
                            + "AS t(pos bigint, event_id uuid, type text, subject text, state text, at timestamptz, "
                            + "status int, latency int, error text)), "
                            + "up AS (INSERT INTO webhook_delivery (subscription_id, feed_position, event_id, event_type, "
                            + "subject, state, attempts, first_attempt_at, last_attempt_at, delivered_at, last_status, "
                            + "last_latency_ms, last_error) SELECT ?1, pos, event_id, type, subject, state, 1, at, at, "
                            + "CASE WHEN state = 'DELIVERED' THEN at END, status, latency, error FROM input "
                            + "ON CONFLICT (subscription_id, feed_position) DO UPDATE SET state = EXCLUDED.state, "
                            + "attempts = webhook_delivery.attempts + 1, last_attempt_at = EXCLUDED.last_attempt_at, "
                            + "delivered_at = EXCLUDED.delivered_at, last_status = EXCLUDED.last_status, "
                            + "last_latency_ms = EXCLUDED.last_latency_ms, last_error = EXCLUDED.last_error "
                            + "RETURNING id, feed_position, state, attempts, last_attempt_at, last_status, last_latency_ms, "
                            + "last_error), "
                            // A first attempt that succeeded is told by its delivery row alone; only retries are logged.
                            + "logged AS (INSERT INTO webhook_attempt (delivery_id, attempted_at, status, latency_ms, error) "
                            + "SELECT id, last_attempt_at, last_status, last_latency_ms, last_error FROM up "
                            + "WHERE attempts > 1 OR state <> 'DELIVERED') "
                            + "SELECT attempts FROM up WHERE state = 'PENDING' AND feed_position = ?3")
                    .setParameter(1, id)
                    .setParameter(2, outcomesJson(outcomes))
                    .setParameter(3, failingHead)
                    .getResultList();
            if (failing && !pendingAttempts.isEmpty()) {
                int attempts = ((Number) pendingAttempts.get(0)).intValue();
                nextAttempt = Instant.now().plus(config.retrySchedule().delayAfter(attempts,
                        () -> ThreadLocalRandom.current().nextDouble()));
            }
        }
        // A replay or change during the turn (a new version) keeps the cursor it set.
        em.createNativeQuery("UPDATE webhook_subscription SET "
                        + "delivered_through = CASE WHEN version = ?3 THEN ?2 ELSE delivered_through END, "
                        + "next_attempt_at = CASE WHEN version = ?3 THEN CAST(?4 AS timestamptz) ELSE next_attempt_at END, "
                        + "failing_since = CASE WHEN version <> ?3 THEN failing_since WHEN ?5 THEN coalesce(failing_since, now()) END, "
                        + "lease_owner = NULL, leased_until = NULL WHERE id = ?1 AND lease_owner = ?6")
                .setParameter(1, id)
                .setParameter(2, through)
                .setParameter(3, lease.version())
                .setParameter(4, nextAttempt)
                .setParameter(5, failing)
                .setParameter(6, instance)
                .executeUpdate();
    }

    private String outcomesJson(List<Outcome> outcomes) {
        List<Map<String, Object>> rows = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pos", o.event().position());
            row.put("event_id", o.event().id());
            row.put("type", o.event().type());
            row.put("subject", o.event().subject());
            row.put("state", o.state().name());
            row.put("at", o.at().toString());
            row.put("status", o.status());
            row.put("latency", o.latencyMs());
            row.put("error", o.error());
            rows.add(row);
        }
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
