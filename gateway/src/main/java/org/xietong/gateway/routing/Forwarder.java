package org.xietong.gateway.routing;

import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * Streams one service's requests and answers through, with the request body counted against the route's limit,
 * timeouts, and a circuit breaker so that a service that is down or hanging costs callers a quick 503/504 problem
 * instead of a held connection. Other services have their own client and breaker and are not affected.
 * <p>
 * The parts: {@link ForwardedCall} is one exchange (its events and state), {@link ForwardedHeaders} decides which
 * headers cross, {@link UpstreamClients} holds the service's pooled connections and breaker, and
 * {@link UpstreamFailures} says which failure the caller hears as which problem.
 */
public final class Forwarder {

    private final Vertx vertx;
    private final String name;
    private final Duration readTimeout;
    private final UpstreamClients clients;
    private final UpstreamFailures failures;

    public Forwarder(Vertx vertx, String name, GatewayConfig.Upstream upstream) {
        this.vertx = vertx;
        this.name = name;
        this.readTimeout = upstream.readTimeout();
        this.clients = new UpstreamClients(vertx, name, upstream);
        this.failures = UpstreamFailures.of(name, upstream);
    }

    public String name() {
        return name;
    }

    public CircuitBreakerState circuit() {
        return clients.circuit();
    }

    /**
     * Forwards the request: the first {@link ForwardedCall#HOLD_BEFORE_CONNECT} bytes of its body (all of a small
     * one) arrive before one of the service's pooled connections is taken, so a caller trickling bytes holds none;
     * the whole body must arrive within {@code uploadDeadline}, else the caller gets a 408 problem and the
     * connection to the service, if one was taken, is let go.
     */
    public void forward(RoutingContext context, long maxBody, Duration uploadDeadline) {
        new ForwardedCall(vertx, name, clients, failures, readTimeout, context, maxBody, uploadDeadline).start();
    }

    public void close() {
        clients.close();
    }
}
