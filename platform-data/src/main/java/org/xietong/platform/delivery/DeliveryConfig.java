package org.xietong.platform.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service pushes its events to partners' subscriptions: {@code xietong.delivery.*}. */
@ConfigMapping(prefix = "xietong.delivery")
public interface DeliveryConfig {

    /** Whether this instance delivers (several may; a subscription is delivered by one at a time). */
    @WithDefault("true")
    boolean enabled();

    /** How many subscriptions one instance delivers at once; a slow receiver holds one of them. */
    @WithDefault("8")
    int workers();

    /**
     * How many requests one subscription has in flight at once; a subject's events always share one lane, so they
     * arrive in order.
     */
    @WithDefault("8")
    int concurrency();

    /** How many events one turn of a subscription posts before others get their turn. */
    @WithDefault("200")
    int batchSize();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long a receiver may take to answer one delivery. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** The first retry's delay; each further retry doubles it, up to maxBackoff. */
    @WithDefault("PT5S")
    Duration firstRetry();

    @WithDefault("PT15M")
    Duration maxBackoff();

    /** How long an event is retried after its publication before it is dead-lettered (at least a day in production). */
    @WithDefault("PT24H")
    Duration retryWindow();

    /** How long a replaced secret still signs deliveries beside the new one. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** How long the deliverer lets newly published events gather before a turn, so that one turn posts several. */
    @WithDefault("PT0.05S")
    Duration linger();

    /** The fallback poll for events published by other instances. */
    @WithDefault("PT1S")
    Duration idlePoll();

    /** Plain HTTP to a loopback address: the devstack and tests only. */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Endpoints on private addresses (an installation inside a government network). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** How many subscriptions one owner may keep in this area. */
    @WithDefault("20")
    int maxSubscriptionsPerOwner();

    default WebhookEndpoint.Allowance allowance() {
        return new WebhookEndpoint.Allowance(allowLoopbackHttp(), allowPrivateAddresses());
    }

    default RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetry(), maxBackoff(), retryWindow());
    }
}
