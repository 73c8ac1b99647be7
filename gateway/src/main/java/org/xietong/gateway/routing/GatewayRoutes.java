package org.xietong.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
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
import org.xietong.gateway.policy.PolicyConfig;
import org.xietong.gateway.policy.RoutePolicy;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each service's prefix goes through the route table, the caller's rate limits and the body limit, then to the
 * service. Requests reach these routes only after Quarkus has verified the bearer token locally against the realm's
 * cached keys (see quarkus.http.auth.permission.api); the token travels on unchanged.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final GatewayConfig config;
    private final RoutePolicy policy;
    private final RateLimiter limiter;
    private final Map<String, Forwarder> forwarders = new LinkedHashMap<>();

    public GatewayRoutes(GatewayConfig config, PolicyConfig policyConfig, RateLimiter limiter) {
        this.config = config;
        this.policy = RoutePolicy.from(policyConfig);
        this.limiter = limiter;
        policy.rules().stream().filter(rule -> !limiter.knows(rule.limit())).findFirst().ifPresent(rule -> {
            throw new IllegalStateException("Route rule " + rule.name() + " names the rate-limit class " + rule.limit()
                    + ", which xietong.gateway.limits does not define");
        });
    }

    public RoutePolicy policy() {
        return policy;
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
        SecurityIdentity identity = ((QuarkusHttpUser) context.user()).getSecurityIdentity();
        String method = context.request().method().name();
        RoutePolicy.Decision decision = policy.decide(method, context.normalizedPath(), identity.getRoles());
        RequestObservation.route(context, decision.rule().map(RoutePolicy.Rule::name).orElse("unlisted"), forwarder.name());
        if (decision.rule().isEmpty()) {
            ProblemResponses.write(context, Problem.of(403, "forbidden", "Forbidden",
                    "No route rule lets anyone " + method + " this path"));
            return;
        }
        RoutePolicy.Rule rule = decision.rule().get();
        if (!decision.allowed()) {
            ProblemResponses.write(context, Problem.of(403, "forbidden", "Forbidden",
                    method + " " + rule.pattern() + " needs one of the roles " + String.join(", ", rule.roles().stream().sorted().toList())));
            return;
        }
        RateLimiter.Verdict verdict = limiter.acquire(rule.limit(), user(identity), client(identity));
        if (!verdict.allowed()) {
            long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
            context.response().putHeader("Retry-After", String.valueOf(seconds));
            ProblemResponses.write(context, Problem.of(429, "rate-limited", "Too many requests", "The "
                    + verdict.limitedBy() + " limit of the " + rule.limit() + " class is used up; retry in " + seconds + " s"));
            return;
        }
        context.response().putHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()));
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, rule.maxBody())) {
            ProblemResponses.write(context, Forwarder.tooLarge(rule.maxBody()));
            return;
        }
        forwarder.forward(context, rule.maxBody());
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
