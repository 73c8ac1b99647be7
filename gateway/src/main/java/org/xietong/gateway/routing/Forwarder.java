package org.xietong.gateway.routing;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.xietong.gateway.observability.RequestObservation;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemResponses;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Streams one service's requests and answers through, with the request body counted against the route's limit,
 * timeouts, and a circuit breaker so that a service that is down or hanging costs callers a quick 503/504 problem
 * instead of a held connection. Other services have their own client and breaker and are not affected.
 */
public final class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    /** Connection-scoped headers (RFC 9110 §7.6.1) never travel through a proxy. */
    private static final Set<String> HOP_BY_HOP = Collections.unmodifiableSet(caseInsensitive(List.of("connection",
            "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "proxy-connection")));
    /** Not forwarded either: the gateway answers 100-continue itself. */
    private static final Set<String> NOT_FORWARDED = Collections.unmodifiableSet(caseInsensitive(
            Stream.concat(HOP_BY_HOP.stream(), Stream.of("expect")).toList()));
    /** Bytes of a body held before a connection to the service is taken (a smaller body is held whole). */
    static final int HOLD_BEFORE_CONNECT = 64 * 1024;
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Set<String> FORWARDING = Set.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server");

    private final Vertx vertx;
    private final String name;
    private final GatewayConfig.Upstream upstream;
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

    public Forwarder(Vertx vertx, String name, GatewayConfig.Upstream upstream) {
        this.vertx = vertx;
        this.name = name;
        this.upstream = upstream;
        URI target = URI.create(upstream.url());
        this.host = target.getHost();
        this.port = target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
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

    public String name() {
        return name;
    }

    public CircuitBreakerState circuit() {
        return breaker.state();
    }

    /** A 502–504 from the service counts against its circuit, yet the caller still gets the service's own answer. */
    private static final class UnhealthyAnswer extends RuntimeException {
        final HttpClientResponse response;

        UnhealthyAnswer(HttpClientResponse response) {
            super("upstream answered " + response.statusCode(), null, false, false);
            this.response = response;
        }
    }

    /** One request's body on its way: held at first, then streamed; the upload deadline reaches it through this. */
    private static final class Upload {
        final List<Buffer> held = new ArrayList<>();
        long heldBytes;
        long received;
        boolean ended;
        boolean connecting;
        long deadline = -1;
        HttpClientRequest request;
        Promise<HttpClientResponse> attempt;
    }

    /**
     * Forwards the request: the first {@link #HOLD_BEFORE_CONNECT} bytes of its body (all of a small one) arrive
     * before one of the service's pooled connections is taken, so a caller trickling bytes holds none; the whole
     * body must arrive within {@code uploadDeadline}, else the caller gets a 408 problem and the connection to the
     * service, if one was taken, is let go.
     */
    public void forward(RoutingContext context, long maxBody, Duration uploadDeadline) {
        HttpServerRequest in = context.request();
        in.pause();
        // Set before anything else: a caller who leaves while the gateway waits for a connection is noticed too.
        boolean[] callerGone = {false};
        in.exceptionHandler(e -> callerGone[0] = true);
        context.response().closeHandler(v -> callerGone[0] = true);
        if (HttpHeaderValues.CONTINUE.toString().equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))
                && in.version() != HttpVersion.HTTP_2) {
            context.response().writeContinue();
        }
        Upload upload = new Upload();
        if (!hasBody(in)) {
            connect(context, maxBody, callerGone, upload);
            return;
        }
        upload.deadline = vertx.setTimer(uploadDeadline.toMillis(), t -> tooSlow(context, callerGone, upload, uploadDeadline));
        in.handler(chunk -> {
            upload.received += chunk.length();
            if (upload.received > maxBody) {
                in.handler(null);
                vertx.cancelTimer(upload.deadline);
                ProblemResponses.write(context, tooLarge(maxBody));
                return;
            }
            upload.held.add(chunk);
            upload.heldBytes += chunk.length();
            if (upload.heldBytes >= HOLD_BEFORE_CONNECT) {
                in.pause();
                connect(context, maxBody, callerGone, upload);
            }
        });
        in.endHandler(v -> {
            upload.ended = true;
            vertx.cancelTimer(upload.deadline);
            if (!upload.connecting && upload.received <= maxBody) {
                connect(context, maxBody, callerGone, upload);
            }
        });
        in.resume();
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && BODY_METHODS.contains(in.method()));
    }

    /** The body did not arrive in time: the caller's doing, so the service's circuit does not hear of it. */
    private void tooSlow(RoutingContext context, boolean[] callerGone, Upload upload, Duration uploadDeadline) {
        if (upload.ended) {
            return;
        }
        callerGone[0] = true;
        HttpServerRequest in = context.request();
        in.handler(null);
        if (upload.attempt != null) {
            upload.attempt.tryComplete(null);
        }
        if (upload.request != null) {
            upload.request.reset();
        }
        HttpServerResponse out = context.response();
        if (out.ended() || out.closed()) {
            return;
        }
        if (out.headWritten()) {
            out.reset();
            return;
        }
        ProblemResponses.write(context, Problem.of(408, "upload-too-slow", "Request body too slow",
                "The request body did not arrive within " + uploadDeadline.toSeconds() + " s (this route's upload "
                        + "deadline); received " + upload.received + " bytes").withExtension("service", name));
        if (in.version() != HttpVersion.HTTP_2) {
            // The rest of the body is not read: the connection closes once the answer is written.
            out.close();
        }
    }

    private void connect(RoutingContext context, long maxBody, boolean[] callerGone, Upload upload) {
        upload.connecting = true;
        HttpServerRequest in = context.request();
        String uri = context.normalizedPath() + (in.query() == null ? "" : "?" + in.query());
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(host)
                .setPort(port)
                .setURI(uri)
                // Also the longest wait for a pooled connection when all are busy.
                .setConnectTimeout(upstream.connectTimeout().toMillis())
                .setHeaders(requestHeaders(context));
        HttpClient client = clients.computeIfAbsent(Thread.currentThread(),
                thread -> vertx.createHttpClient(clientOptions, poolOptions));
        breaker.<HttpClientResponse>execute(attempt -> {
                    upload.attempt = attempt;
                    client.request(options)
                        .onFailure(e -> {
                            if (isPoolWait(e) && !callerGone[0]) {
                                // Every connection to the service was busy: not a failure of the service.
                                attempt.tryComplete(null);
                                allConnectionsBusy(context);
                            } else {
                                settle(attempt, callerGone, e);
                            }
                        })
                        .onSuccess(request -> {
                            upload.request = request;
                            request.exceptionHandler(e -> LOG.debugf("request to %s ended: %s", name, e.getMessage()));
                            // Vert.x closes the pooled connection when a finished exchange is reset, even while the
                            // connection already carries the next caller's request; so only an unfinished one is.
                            boolean[] serviceDone = {false};
                            Runnable abandon = () -> {
                                callerGone[0] = true;
                                if (!serviceDone[0]) {
                                    request.reset();
                                }
                            };
                            in.exceptionHandler(e -> abandon.run());
                            context.response().closeHandler(v -> abandon.run());
                            if (callerGone[0]) {
                                settle(attempt, callerGone, null);
                                request.reset();
                                return;
                            }
                            request.response().onComplete(answer -> {
                                if (answer.failed()) {
                                    settle(attempt, callerGone, answer.cause());
                                    return;
                                }
                                HttpClientResponse response = answer.result();
                                response.end().onComplete(ended -> serviceDone[0] = ended.succeeded());
                                // The breaker hands the answer on in a later task; hold its body until relayed.
                                response.pause();
                                if (response.statusCode() >= 502 && response.statusCode() <= 504) {
                                    attempt.tryFail(new UnhealthyAnswer(response));
                                } else {
                                    attempt.tryComplete(response);
                                }
                            });
                            sendBody(context, request, maxBody, attempt, upload);
                        });
                })
                .onSuccess(response -> {
                    if (response != null) {
                        relay(context, response);
                    }
                })
                .onFailure(failure -> {
                    if (failure instanceof UnhealthyAnswer unhealthy) {
                        relay(context, unhealthy.response);
                    } else {
                        fail(context, failure);
                    }
                });
    }

    /** A failure the caller caused (they left, or stopped sending) is not held against the service's circuit. */
    private static void settle(Promise<HttpClientResponse> attempt, boolean[] callerGone, Throwable failure) {
        if (callerGone[0] || failure == null) {
            attempt.tryComplete(null);
        } else {
            attempt.tryFail(failure);
        }
    }

    private MultiMap requestHeaders(RoutingContext context) {
        HttpServerRequest in = context.request();
        // Headers the caller names in Connection are for this hop only (RFC 9110 §7.6.1).
        Set<String> skip = NOT_FORWARDED;
        for (String value : in.headers().getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !skip.contains(name)) {
                    skip = skip == NOT_FORWARDED ? caseInsensitive(NOT_FORWARDED) : skip;
                    skip.add(name);
                }
            }
        }
        Set<String> skipped = skip;
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(h -> {
            if (!skipped.contains(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        // What the services learn about the caller comes from the gateway alone.
        FORWARDING.forEach(headers::remove);
        headers.set("X-Forwarded-For", in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        headers.set(RequestObservation.REQUEST_ID, RequestObservation.requestId(context));
        return headers;
    }

    /**
     * Sends what was held, then copies the rest with back-pressure, counting it: a body that outgrows the limit is
     * cut off with 413, which is the caller's doing and so does not count against the service's circuit. The wait
     * for the service's answer starts once the body is sent, so a slow upload is not taken for a slow service.
     */
    private void sendBody(RoutingContext context, HttpClientRequest request, long maxBody,
                          Promise<HttpClientResponse> attempt, Upload upload) {
        HttpServerRequest in = context.request();
        boolean lengthKnown = in.headers().contains(HttpHeaders.CONTENT_LENGTH);
        if (!lengthKnown && !upload.held.isEmpty()) {
            request.setChunked(true);
        }
        upload.held.forEach(request::write);
        upload.held.clear();
        if (upload.ended) {
            endBody(request, attempt);
            return;
        }
        in.handler(chunk -> {
            upload.received += chunk.length();
            if (upload.received > maxBody) {
                in.handler(null);
                vertx.cancelTimer(upload.deadline);
                attempt.tryComplete(null);
                request.reset();
                if (context.response().headWritten()) {
                    context.response().reset();
                } else {
                    ProblemResponses.write(context, tooLarge(maxBody));
                }
                return;
            }
            if (!lengthKnown && !request.isChunked()) {
                request.setChunked(true);
            }
            request.write(chunk);
            if (request.writeQueueFull()) {
                in.pause();
                request.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> {
            upload.ended = true;
            vertx.cancelTimer(upload.deadline);
            if (upload.received <= maxBody) {
                endBody(request, attempt);
            }
        });
        in.resume();
    }

    private void endBody(HttpClientRequest request, Promise<HttpClientResponse> attempt) {
        request.end().onSuccess(sent -> {
            long waiting = vertx.setTimer(upstream.readTimeout().toMillis(), t -> {
                attempt.tryFail(new TimeoutException(name + " did not answer within " + upstream.readTimeout()));
                request.reset();
            });
            request.response().onComplete(answer -> vertx.cancelTimer(waiting));
        });
    }

    /**
     * Vert.x fails a request that waited its connect timeout for a pooled connection with this message; a
     * connection the service does not accept in time fails differently (a connect timeout of the socket).
     */
    private static boolean isPoolWait(Throwable failure) {
        return failure instanceof TimeoutException && String.valueOf(failure.getMessage()).contains("getting a connection");
    }

    private void allConnectionsBusy(RoutingContext context) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        context.response().putHeader("Retry-After", "1");
        ProblemResponses.write(context, Problem.of(503, "service-busy", "Service busy", "All "
                + upstream.maxConnections() + " connections of this gateway thread to the " + name + " service were busy for "
                + upstream.connectTimeout().toMillis() + " ms; retry shortly").withExtension("service", name));
    }

    /** Header names compare without case, and without a lower-cased copy of each name a request. */
    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    public static Problem tooLarge(long maxBody) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "This route accepts bodies up to " + maxBody + " bytes");
    }

    private void relay(RoutingContext context, HttpClientResponse response) {
        HttpServerResponse out = context.response();
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey())) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        out.headers().set(RequestObservation.REQUEST_ID, RequestObservation.requestId(context));
        boolean bodiless = context.request().method() == HttpMethod.HEAD || response.statusCode() == 204
                || response.statusCode() == 304;
        if (!bodiless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        boolean[] serviceDone = {false};
        response.end().onComplete(ended -> serviceDone[0] = ended.succeeded());
        response.pipeTo(out).onFailure(e -> {
            LOG.debugf("answer from %s broke off: %s", name, e.getMessage());
            if (!serviceDone[0]) {
                response.request().reset();
            }
            if (!out.headWritten()) {
                fail(context, e);
            } else {
                out.reset();
            }
        });
    }

    private void fail(RoutingContext context, Throwable failure) {
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        Problem problem;
        if (failure instanceof OpenCircuitException) {
            long seconds = Math.max(1, upstream.breakerReset().toSeconds());
            context.response().putHeader("Retry-After", String.valueOf(seconds));
            problem = Problem.of(503, "service-unavailable", "Service unavailable", "The " + name
                    + " service failed repeatedly and is rested for up to " + seconds + " s; other services answer as usual");
        } else if (isTimeout(failure)) {
            problem = Problem.of(504, "service-timeout", "Service did not answer in time", "The " + name
                    + " service did not answer within " + upstream.readTimeout().toSeconds() + " s");
        } else {
            LOG.warnf("%s unreachable for %s %s: %s", name, context.request().method(), context.normalizedPath(), failure.toString());
            problem = Problem.of(503, "service-unavailable", "Service unavailable",
                    "The " + name + " service cannot be reached; other services answer as usual");
        }
        ProblemResponses.write(context, problem.withExtension("service", name));
    }

    private static boolean isTimeout(Throwable failure) {
        if (failure instanceof ConnectException) {
            return false;
        }
        return failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout");
    }

    public void close() {
        clients.values().forEach(HttpClient::close);
        breaker.close();
    }
}
