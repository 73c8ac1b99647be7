package org.xietong.platform.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.platform.api.Page;
import org.xietong.platform.events.ExchangeFeed;
import org.xietong.platform.events.FeedSignal;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;

import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Partners' push subscriptions to this area's events. A subscription is its owner's (the token's subject: a partner
 * system's service account, or a person): another caller, whatever their region, gets 404. Its regions lie within
 * the owner's region, and the events posted are those the owner could read from the exchange feed.
 */
@ApplicationScoped
public class Subscriptions {

    private static final String COLUMNS = "CAST(s.id AS text) AS id, s.endpoint, array_to_string(s.types, ',') AS types, "
            + "array_to_string(s.region_codes, ',') AS regions, s.description, s.enabled, s.delivered_through, "
            + "s.failing_since, s.next_attempt_at, (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id "
            + "AND d.state = 'DEAD') AS dead_letters, s.created_at, s.updated_at";

    record Row(String id, String endpoint, String types, String regions, String description, Boolean enabled,
               Long deliveredThrough, Instant failingSince, Instant nextAttemptAt, Long deadLetters, Instant createdAt,
               Instant updatedAt) {

        Subscription view() {
            return new Subscription(UUID.fromString(id), endpoint, split(types), split(regions), description, enabled,
                    Long.toString(deliveredThrough), failingSince, nextAttemptAt, deadLetters, createdAt, updatedAt);
        }

        private static List<String> split(String joined) {
            return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
        }
    }

    record DeliveryRow(Long id, String eventId, Long position, String type, String subject, String state,
                       Integer attempts, Instant firstAttemptAt, Instant lastAttemptAt, Instant deliveredAt,
                       Integer lastStatus, Integer lastLatencyMs, String lastError) {
    }

    record AttemptRow(Long deliveryId, Instant at, Integer status, Integer latencyMs, String error) {
    }

    private final EntityManager em;
    private final DeliveryConfig config;
    private final Caller caller;
    private final FeedSignal signal;

    public Subscriptions(EntityManager em, DeliveryConfig config, Caller caller, FeedSignal signal) {
        this.em = em;
        this.config = config;
        this.caller = caller;
        this.signal = signal;
    }

    @Transactional
    public SubscriptionSecret create(SubscriptionRequest request) {
        String scope = caller.listingPrefix();
        Settings settings = settings(request, scope);
        long owned = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook_subscription WHERE owner_subject = ?1")
                .setParameter(1, caller.subject()).getSingleResult()).longValue();
        if (owned >= config.maxSubscriptionsPerOwner()) {
            throw ProblemException.conflict("too-many-subscriptions", "Too many subscriptions", "You keep "
                    + owned + " subscriptions in this area, the most allowed; delete one you no longer use");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        em.createNativeQuery("INSERT INTO webhook_subscription (id, owner_subject, owner_client, owner_scope, endpoint, "
                        + "types, region_codes, description, enabled, secret, delivered_through, created_at, updated_at, "
                        + "version) SELECT ?1, ?2, ?3, ?4, ?5, CAST(?6 AS text[]), CAST(?7 AS varchar(6)[]), ?8, ?9, ?10, "
                        + "last_position, now(), now(), 0 FROM outbox_feed_state WHERE id = 1")
                .setParameter(1, id)
                .setParameter(2, caller.subject())
                .setParameter(3, caller.clientId().orElse(null))
                .setParameter(4, scope)
                .setParameter(5, settings.endpoint())
                .setParameter(6, settings.types())
                .setParameter(7, settings.regions())
                .setParameter(8, request.description())
                .setParameter(9, settings.enabled())
                .setParameter(10, secret)
                .executeUpdate();
        return new SubscriptionSecret(find(id), secret, null);
    }

    public Page<Subscription> list(int page, int size) {
        caller.listingPrefix();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook_subscription s WHERE " + OWNED)
                .setParameter(1, caller.subject()).setParameter(2, admin()).getSingleResult()).longValue();
        if (Pages.beyondReach(page, size)) {
            return new Page<>(List.of(), page, size, total);
        }
        List<Row> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_subscription s WHERE " + OWNED
                        + " ORDER BY s.created_at, s.id OFFSET ?3 LIMIT ?4", Row.class)
                .setParameter(1, caller.subject()).setParameter(2, admin())
                .setParameter(3, page * size).setParameter(4, size)
                .getResultList();
        return new Page<>(rows.stream().map(Row::view).toList(), page, size, total);
    }

    public Subscription get(UUID id) {
        return find(id);
    }

    @Transactional
    public Subscription update(UUID id, SubscriptionRequest request) {
        find(id);
        Settings settings = settings(request, caller.listingPrefix());
        em.createNativeQuery("UPDATE webhook_subscription SET endpoint = ?2, types = CAST(?3 AS text[]), "
                        + "region_codes = CAST(?4 AS varchar(6)[]), description = ?5, enabled = ?6, updated_at = now(), "
                        + "next_attempt_at = NULL, version = version + 1 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, settings.endpoint())
                .setParameter(3, settings.types())
                .setParameter(4, settings.regions())
                .setParameter(5, request.description())
                .setParameter(6, settings.enabled())
                .executeUpdate();
        signal.wake();
        return find(id);
    }

    @Transactional
    public void delete(UUID id) {
        find(id);
        em.createNativeQuery("DELETE FROM webhook_subscription WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** A new secret; the old one still signs beside it for {@code secretOverlap}, so the receiver can switch. */
    @Transactional
    public SubscriptionSecret rotateSecret(UUID id) {
        find(id);
        String secret = WebhookSignature.newSecret();
        Instant overlap = Instant.now().plus(config.secretOverlap());
        em.createNativeQuery("UPDATE webhook_subscription SET previous_secret = secret, previous_secret_until = ?2, "
                        + "secret = ?3, updated_at = now(), version = version + 1 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, overlap).setParameter(3, secret).executeUpdate();
        return new SubscriptionSecret(find(id), secret, overlap);
    }

    /**
     * Delivers again every event after a cursor, with the ids it had: the receiver applies each once. Without a
     * cursor it starts just before the oldest dead-lettered event.
     */
    @Transactional
    public Subscription replay(UUID id, ReplayRequest request) {
        find(id);
        long after;
        if (request == null || request.after() == null) {
            Number oldestDead = (Number) em.createNativeQuery("SELECT min(feed_position) FROM webhook_delivery "
                    + "WHERE subscription_id = ?1 AND state = 'DEAD'").setParameter(1, id).getSingleResult();
            if (oldestDead == null) {
                throw ProblemException.unprocessable("nothing-to-replay", "Nothing to replay", "No event of this "
                        + "subscription is dead-lettered; name a cursor in 'after' to deliver again from there");
            }
            after = oldestDead.longValue() - 1;
        } else {
            after = Long.parseLong(request.after());
        }
        Object[] feed = (Object[]) em.createNativeQuery("SELECT (SELECT last_position FROM outbox_feed_state WHERE id = 1), "
                + "(SELECT min(feed_position) FROM outbox_event WHERE feed_position IS NOT NULL)").getSingleResult();
        long last = ((Number) feed[0]).longValue();
        long oldestKept = feed[1] == null ? last + 1 : ((Number) feed[1]).longValue();
        if (after > last) {
            throw ProblemException.unprocessable("invalid-cursor", "Cursor ahead of the feed",
                    "'after' is beyond the newest event of the feed (" + last + ")");
        }
        if (after < oldestKept - 1) {
            throw ProblemException.conflict("replay-beyond-retention", "Events no longer kept", "The feed keeps "
                    + "events from position " + oldestKept + " on; replay from " + (oldestKept - 1) + " or later");
        }
        em.createNativeQuery("UPDATE webhook_subscription SET delivered_through = ?2, next_attempt_at = NULL, "
                        + "failing_since = NULL, updated_at = now(), version = version + 1 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, after).executeUpdate();
        signal.wake();
        return find(id);
    }

    /**
     * The delivery log, newest event first; {@code state} narrows it. A delivery that succeeded at its first attempt
     * has no attempt rows: its one attempt is the delivery's own last one.
     */
    public Page<Delivery> deliveries(UUID id, DeliveryState state, int page, int size) {
        find(id);
        String where = "subscription_id = ?1 AND (?2 = '' OR state = ?2)";
        String stateName = state == null ? "" : state.name();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook_delivery WHERE " + where)
                .setParameter(1, id).setParameter(2, stateName).getSingleResult()).longValue();
        if (Pages.beyondReach(page, size)) {
            return new Page<>(List.of(), page, size, total);
        }
        List<DeliveryRow> rows = em.createNativeQuery("SELECT id, CAST(event_id AS text) AS event_id, feed_position, "
                        + "event_type, subject, state, attempts, first_attempt_at, last_attempt_at, delivered_at, "
                        + "last_status, last_latency_ms, last_error FROM webhook_delivery WHERE " + where
                        + " ORDER BY feed_position DESC OFFSET ?3 LIMIT ?4", DeliveryRow.class)
                .setParameter(1, id).setParameter(2, stateName).setParameter(3, page * size).setParameter(4, size)
                .getResultList();
        Map<Long, List<Delivery.Attempt>> attempts = recentAttempts(rows.stream().map(DeliveryRow::id).toList());
        return new Page<>(rows.stream().map(r -> new Delivery(UUID.fromString(r.eventId()), Long.toString(r.position()),
                r.type(), r.subject(), DeliveryState.valueOf(r.state()), r.attempts(), r.firstAttemptAt(),
                r.lastAttemptAt(), r.deliveredAt(), r.lastStatus(), r.lastLatencyMs(), r.lastError(),
                attempts.getOrDefault(r.id(), List.of(new Delivery.Attempt(r.lastAttemptAt(), r.lastStatus(),
                        r.lastLatencyMs(), r.lastError()))))).toList(), page, size, total);
    }

    private Map<Long, List<Delivery.Attempt>> recentAttempts(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        List<AttemptRow> rows = em.createNativeQuery("SELECT delivery_id, attempted_at, status, latency_ms, error FROM "
                        + "(SELECT a.*, row_number() OVER (PARTITION BY delivery_id ORDER BY id DESC) AS rn FROM "
                        + "webhook_attempt a WHERE delivery_id = ANY(CAST(?1 AS bigint[]))) recent WHERE rn <= ?2 "
                        + "ORDER BY delivery_id, attempted_at DESC, rn", AttemptRow.class)
                .setParameter(1, deliveryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter(2, Delivery.RECENT_ATTEMPTS)
                .getResultList();
        Map<Long, List<Delivery.Attempt>> byDelivery = new HashMap<>();
        for (AttemptRow row : rows) {
            byDelivery.computeIfAbsent(row.deliveryId(), k -> new java.util.ArrayList<>())
                    .add(new Delivery.Attempt(row.at(), row.status(), row.latencyMs(), row.error()));
        }
        return byDelivery;
    }

    private static final String OWNED = "(s.owner_subject = ?1 OR ?2)";

    private boolean admin() {
        return caller.hasRole(Caller.PLATFORM_ADMIN);
    }

    /** The caller's subscription, or 404 (another's is not disclosed). */
    private Subscription find(UUID id) {
        caller.listingPrefix();
        List<Row> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_subscription s WHERE s.id = ?3 AND "
                        + OWNED, Row.class)
                .setParameter(1, caller.subject()).setParameter(2, admin()).setParameter(3, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Subscription " + id);
        }
        return rows.get(0).view();
    }

    /** A request's settings, checked: the endpoint, types and regions as stored. */
    private record Settings(String endpoint, String types, String regions, boolean enabled) {
    }

    private Settings settings(SubscriptionRequest request, String scope) {
        WebhookEndpoint endpoint = WebhookEndpoint.parse(request.endpoint(), config.allowance());
        try {
            endpoint.requireReachable(config.allowance());
        } catch (UnknownHostException e) {
            throw ProblemException.unprocessable("endpoint-unreachable", "Endpoint refused", "The endpoint's host "
                    + "cannot be delivered to: " + e.getMessage());
        }
        List<String> types = request.types() == null ? List.of() : request.types();
        ExchangeFeed.Filter filter = ExchangeFeed.Filter.of(String.join(",", types), null);
        List<String> regions = request.regions() == null || request.regions().isEmpty()
                ? (scope.isEmpty() ? List.of() : List.of(caller.regionCode().orElseThrow()))
                : request.regions().stream().distinct().toList();
        for (String region : regions) {
            if (!RegionCode.isValid(region) || !caller.scope().covers(region)) {
                throw ProblemException.forbidden("region-out-of-scope", "Region outside your scope", "You may "
                        + "subscribe to the events of your own region only; " + region + " is not within it");
            }
        }
        return new Settings(endpoint.uri().toString(), filter.types().isEmpty() ? "{}" : "{" + String.join(",", filter.types()) + "}",
                "{" + String.join(",", regions) + "}", request.enabled() == null || request.enabled());
    }
}
