package org.xietong.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.xietong.gateway.limits.RateLimiter;
import org.xietong.gateway.observability.RequestObservation;
import org.xietong.gateway.policy.OperationTable;
import org.xietong.gateway.policy.OperationTables;
import org.xietong.gateway.policy.RouteLimitsConfig;
import org.xietong.gateway.policy.RouteLimits;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemResponses;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * Each service's prefix goes through the service's operation table (the operation must exist and the caller hold
 * one of the purposes its API document lists), the caller's rate limits and the route's body limit, then to the
 * service. Requests reach these routes only after Quarkus has verified the bearer token locally against the realm's
 * cached keys (see quarkus.http.auth.permission.api); the token travels on unchanged.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /** When to come back for a service whose API document could not be loaded: a service takes seconds to start. */
    private static final int DOCUMENT_RETRY_SECONDS = 5;
    private static final Duration DEFAULT_UPLOAD_DEADLINE = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final RouteLimits routeLimits;
    private final OperationTables operations;
    private final RateLimiter limiter;
    private final Map<String, Forwarder> forwarders = new LinkedHashMap<>();

    public GatewayRoutes(GatewayConfig config, RouteLimitsConfig routeLimitsConfig, OperationTables operations,
                         RateLimiter limiter) {
        this.config = config;
        this.routeLimits = RouteLimits.from(routeLimitsConfig);
        this.operations = operations;
        this.limiter = limiter;
        routeLimits.rules().stream().filter(rule -> !limiter.knows(rule.limit())).findFirst().ifPresent(rule -> {
            throw new IllegalStateException("Route rule " + rule.name() + " names the rate-limit class " + rule.limit()
                    + ", which xietong.gateway.limits does not define");
        });
    }

    public RouteLimits routeLimits() {
        return routeLimits;
    }

    public Map<String, Forwarder> forwarders() {
        return forwarders;
    }

    void register(@Observes Router router, Vertx vertx) {
        config.services().forEach((name, upstream) -> {
            Forwarder forwarder = new Forwarder(vertx, name, upstream);
            forwarders.put(name, forwarder);
            router.route(upstream.prefix()).handler(context -> handle(context, forwarder));
            router.route(upstream.prefix() + "/*").handler(context -> handle(context, forwarder));
            LOG.infof("route %s/** -> %s (%s)", upstream.prefix(), upstream.url(), name);
        });
    }

    void close(@Observes ShutdownEvent event) {
        forwarders.values().forEach(Forwarder::close);
    }

    private void handle(RoutingContext context, Forwarder forwarder) {
        // The services ignore ;parameters when they match a path; the route table must not see a different path.
        if (context.request().path().indexOf(';') >= 0) {
            RequestObservation.route(context, "unlisted", forwarder.name());
            ProblemResponses.write(context, Problem.of(400, "bad-path", "Bad path",
                    "Paths with ; (matrix parameters) are not accepted"));
            return;
        }
        Optional<OperationTable> table = operations.table(forwarder.name());
        if (table.isPresent()) {
            decide(context, forwarder, table.get(), false);
            return;
        }
        // Not loaded yet (the service came up after the gateway, or was down): ask for its document and go on then.
        context.request().pause();
        Context caller = Vertx.currentContext();
        operations.load(forwarder.name()).onComplete(loaded -> caller.runOnContext(v -> {
            if (context.response().closed()) {
                return;
            }
            if (loaded.succeeded() && loaded.result().isPresent()) {
                decide(context, forwarder, loaded.result().get(), true);
            } else {
                RequestObservation.route(context, "unlisted", forwarder.name());
                context.response().putHeader("Retry-After", String.valueOf(DOCUMENT_RETRY_SECONDS));
                ProblemResponses.write(context, Problem.of(503, "service-unavailable", "Service unavailable",
                        "The " + forwarder.name() + " service's API document could not be loaded, so the gateway "
                                + "cannot tell which purposes its operations need").withExtension("service", forwarder.name()));
                context.request().resume();
            }
        }));
    }

    /**
     * The operation must exist, declare a purpose and the caller hold one; then the rate limits and the body limit;
     * then the service. {@code paused}: the request was paused while the table loaded, and is resumed when refused.
     */
    private void decide(RoutingContext context, Forwarder forwarder, OperationTable table, boolean paused) {
        SecurityIdentity identity = ((QuarkusHttpUser) context.user()).getSecurityIdentity();
        String method = context.request().method().name();
        String path = context.normalizedPath();
        Optional<RouteLimits.Rule> limits = routeLimits.rule(method, path);
        RequestObservation.route(context, limits.map(RouteLimits.Rule::name).orElse("unlisted"), forwarder.name());
        if (!allowed(context, forwarder, table, identity, method, path, limits)) {
            if (paused) {
                context.request().resume();
            }
            return;
        }
        RouteLimits.Rule rule = limits.get();
        RateLimiter.Verdict verdict = limiter.acquire(rule.limit(), user(identity), client(identity));
        context.response().putHeader("RateLimit-Limit", String.valueOf(verdict.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(verdict.reset()));
        if (!verdict.allowed()) {
            context.response().putHeader("Retry-After", String.valueOf(verdict.reset()));
            ProblemResponses.write(context, Problem.of(429, "rate-limited", "Too many requests", "The "
                    + verdict.limitedBy() + " limit of the " + rule.limit() + " class is used up; retry in "
                    + verdict.reset() + " s"));
            if (paused) {
                context.request().resume();
            }
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, rule.maxBody())) {
            ProblemResponses.write(context, UpstreamFailures.tooLarge(rule.maxBody()));
            if (paused) {
                context.request().resume();
            }
            return;
        }
        forwarder.forward(context, rule.maxBody(), rule.uploadDeadline().orElse(DEFAULT_UPLOAD_DEADLINE));
    }

    /** Writes the refusal and answers false when the operation is unknown, declares no purpose or is not the caller's. */
    private boolean allowed(RoutingContext context, Forwarder forwarder, OperationTable table, SecurityIdentity identity,
                            String method, String path, Optional<RouteLimits.Rule> limits) {
        Optional<OperationTable.Operation> found = table.find(method, path);
        if (found.isEmpty()) {
            operations.missed();
            ProblemResponses.write(context, Problem.of(404, "no-such-operation", "No such operation",
                    "The " + forwarder.name() + " service has no operation " + method + " " + path)
                    .withExtension("service", forwarder.name()));
            return false;
        }
        OperationTable.Operation operation = found.get();
        if (!operation.declaresPurpose()) {
            ProblemResponses.write(context, Problem.of(403, "forbidden", "Forbidden", operation.name()
                    + " declares no purpose in the " + forwarder.name() + " service's API document, so no one may call it"));
            return false;
        }
        if (!operation.allows(identity.getRoles())) {
            List<String> needed = operation.purposes().stream().sorted().toList();
            ProblemResponses.write(context, Problem.of(403, "forbidden", "Forbidden", operation.name()
                    + " needs one of the purposes " + String.join(", ", needed)).withExtension("purposes", needed));
            return false;
        }
        if (limits.isEmpty()) {
            ProblemResponses.write(context, Problem.of(403, "forbidden", "Forbidden",
                    "No route rule sets the limits for " + method + " on this path"));
            return false;
        }
        return true;
    }

    private static boolean exceeds(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static String user(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
    }

    static String client(SecurityIdentity identity) {
        Object azp = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
        return azp == null ? "none" : azp.toString();
    }
}
