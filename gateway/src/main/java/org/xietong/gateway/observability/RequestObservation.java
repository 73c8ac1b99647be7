package org.xietong.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * Runs first for every request: gives it a request id (the caller's, if it is a sane one), sends that id back and
 * downstream, and when the answer is done writes one JSON access-log line and the per-route metrics, rejections
 * by authentication included.
 */
@ApplicationScoped
public class RequestObservation {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final String ROUTE = "xietong.route";
    private static final String SERVICE = "xietong.service";
    /** A caller's own request id is kept when it is this; otherwise the gateway makes one. */
    public static final String SANE_ID_PATTERN = "[A-Za-z0-9._:-]{1,128}";
    private static final Pattern SANE_ID = Pattern.compile(SANE_ID_PATTERN);
    /** Anything else is one tag value: made-up methods must not mint new metric series. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final AccessLog accessLog;

    public RequestObservation(MeterRegistry registry, AccessLog accessLog) {
        this.registry = registry;
        this.accessLog = accessLog;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::observe);
    }

    public static String requestId(RoutingContext context) {
        return context.get(REQUEST_ID);
    }

    public static void route(RoutingContext context, String route, String service) {
        context.put(ROUTE, route);
        context.put(SERVICE, service);
    }

    private void observe(RoutingContext context) {
        String path = context.normalizedPath();
        String given = context.request().getHeader(REQUEST_ID);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(REQUEST_ID, id);
        context.response().putHeader(REQUEST_ID, id);
        if (path.startsWith("/q/")) {
            context.next();
            return;
        }
        long start = System.nanoTime();
        context.addEndHandler(done -> record(context, path, System.nanoTime() - start));
        context.next();
    }

    private void record(RoutingContext context, String path, long nanos) {
        int status = context.response().getStatusCode();
        String route = context.get(ROUTE, "none");
        String service = context.get(SERVICE, "none");
        String method = METHODS.contains(context.request().method().name()) ? context.request().method().name() : "OTHER";
        Timer.builder("xietong.gateway.requests")
                .description("Requests through the gateway by route rule, service, method and status")
                .tags("route", route, "service", service, "method", method, "status", String.valueOf(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        JsonObject line = new JsonObject()
                .put("time", Instant.now().toString())
                .put("requestId", context.get(REQUEST_ID))
                .put("method", method)
                .put("path", path)
                .put("route", route)
                .put("service", service)
                .put("status", status)
                .put("latencyMs", Math.round(nanos / 10_000.0) / 100.0);
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt) {
            line.put("user", jwt.getName()).put("client", jwt.getClaim("azp") == null ? null : jwt.getClaim("azp").toString());
        }
        accessLog.add(line.encode());
    }
}
