package org.xietong.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.gateway.routing.GatewayConfig;

import java.time.Duration;
import java.util.Set;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * Token buckets (bucket4j) per user and per client application, per rate-limit class. A request needs a token from
 * both, so one busy client cannot starve the others and one busy user cannot starve their colleagues. Idle buckets
 * are forgotten, which can only give a returning caller a full bucket. Callers of a public client (see
 * xietong.gateway.public-clients) have their user bucket only: the client's bucket would be shared by all its users.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * Whether the request may go on; if not, when to retry. {@code limit} and {@code remaining} are those of the
     * tighter of the caller's buckets, {@code reset} the seconds until it is full again (the RateLimit-Limit,
     * -Remaining and -Reset headers).
     */
    public record Verdict(boolean allowed, long limit, long remaining, long reset, Duration retryAfter,
                          String limitedBy) {
    }

    private final LimitsConfig config;
    private final Set<String> publicClients;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(15))
            .maximumSize(200_000)
            // Upkeep on the calling event loop: handed to the common pool it woke a thread every few requests.
            .executor(Runnable::run)
            .build();

    public RateLimiter(LimitsConfig config, GatewayConfig gateway) {
        this.config = config;
        this.publicClients = Set.copyOf(gateway.publicClients());
    }

    public boolean knows(String limitClass) {
        return config.classes().containsKey(limitClass);
    }

    public Verdict acquire(String limitClass, String user, String client) {
        LimitsConfig.Limit limit = config.classes().get(limitClass);
        if (limit == null) {
            throw new IllegalStateException("No rate-limit class " + limitClass + " (xietong.gateway.limits)");
        }
        Bucket userBucket = bucket(limitClass + "|user|" + user, limit.userRequests(), limit.period());
        ConsumptionProbe byUser = userBucket.tryConsumeAndReturnRemaining(1);
        if (!byUser.isConsumed()) {
            return refused(byUser, limit.userRequests(), "user");
        }
        if (publicClients.contains(client)) {
            return allowed(limit.userRequests(), byUser.getRemainingTokens(), limit.period());
        }
        ConsumptionProbe byClient = bucket(limitClass + "|client|" + client, limit.clientRequests(), limit.period())
                .tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            userBucket.addTokens(1);
            return refused(byClient, limit.clientRequests(), "client");
        }
        return byUser.getRemainingTokens() <= byClient.getRemainingTokens()
                ? allowed(limit.userRequests(), byUser.getRemainingTokens(), limit.period())
                : allowed(limit.clientRequests(), byClient.getRemainingTokens(), limit.period());
    }

    /** A bucket refills evenly over its period, so it is full again after the share of the period it lacks. */
    private static Verdict allowed(long capacity, long remaining, Duration period) {
        long missingNanos = period.toNanos() / capacity * (capacity - remaining);
        return new Verdict(true, capacity, remaining, seconds(missingNanos), Duration.ZERO, null);
    }

    private Bucket bucket(String key, long requests, Duration period) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(requests).refillGreedy(requests, period))
                .build());
    }

    private static Verdict refused(ConsumptionProbe probe, long capacity, String limitedBy) {
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        return new Verdict(false, capacity, 0, seconds(wait.toNanos()), wait, limitedBy);
    }

    /** Whole seconds, rounded up, at least 1 when anything is missing. */
    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
