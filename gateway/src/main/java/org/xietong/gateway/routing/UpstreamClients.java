package org.xietong.gateway.routing;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * One service's pooled connections and its circuit breaker: a service that is down or hanging costs callers a quick
 * 503/504 instead of a held connection, and other services, with their own clients and breaker, are not affected.
 */
final class UpstreamClients {

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /**
     * One client per event loop. A client's pooled connection lives on the event loop that opened it and serves
     * whichever caller borrows it next, so with one shared client most exchanges hopped between event loops (two
     * to four task hand-offs with a selector wake-up each). A thread's own client only opens connections on that
     * thread's event loop, so caller and service connection meet on one thread.
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final CircuitBreaker breaker;
    private final String host;
    private final int port;
    private final long connectTimeoutMillis;

    UpstreamClients(Vertx vertx, String name, GatewayConfig.Upstream upstream) {
        this.vertx = vertx;
        URI target = URI.create(upstream.url());
        this.host = target.getHost();
        this.port = target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
        this.connectTimeoutMillis = upstream.connectTimeout().toMillis();
        this.clientOptions = new HttpClientOptions()
                .setSsl("https".equals(target.getScheme()))
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setKeepAlive(true)
                // Per-request idle timers outlive their exchange in Vert.x and would close a pooled connection
                // under the next request; a connection-level limit, above the answer wait (a 504), covers stalls.
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, upstream.readTimeout().toMillis() * 2));
        this.poolOptions = new PoolOptions().setHttp1MaxSize(upstream.maxConnections()).setMaxWaitQueueSize(512);
        this.breaker = CircuitBreaker.create("upstream-" + name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(upstream.breakerFailures())
                .setResetTimeout(upstream.breakerReset().toMillis())
                .setTimeout(-1));
    }

    CircuitBreakerState circuit() {
        return breaker.state();
    }

    /**
     * Runs one exchange under the circuit: {@code exchange} completes its promise with the answer (or null when the
     * caller is gone and nothing is to be relayed) or fails it, which counts against the circuit. While the circuit is
     * open the result fails at once with an OpenCircuitException and {@code exchange} does not run.
     */
    <T> Future<T> underCircuit(Handler<Promise<T>> exchange) {
        return breaker.execute(exchange);
    }

    /**
     * A request to the service on one of this event loop's pooled connections; the connect timeout is also the
     * longest wait for a pooled connection when all are busy.
     */
    Future<HttpClientRequest> request(HttpMethod method, String uri, MultiMap headers) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setURI(uri)
                .setConnectTimeout(connectTimeoutMillis)
                .setHeaders(headers);
        return clients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(clientOptions, poolOptions))
                .request(options);
    }

    void close() {
        clients.values().forEach(HttpClient::close);
        breaker.close();
    }
}
