package org.xietong.gateway.policy;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's own limits per path: rate-limit class, body limit and upload deadline. Who may call what is not
 * here: each operation's purposes come from its service's API document ({@link OperationTable}).
 */
@ConfigMapping(prefix = "xietong.gateway.policy")
public interface RouteLimitsConfig {

    /** Bodies larger than this get 413 unless a rule allows more. */
    @WithDefault("10M")
    MemorySize maxBody();

    /** A request body must have arrived whole within this time, else 408: slow uploads do not hold connections. */
    @WithDefault("30s")
    Duration uploadDeadline();

    /** Rules by name; the name shows in access logs and metrics. */
    Map<String, Route> routes();

    interface Route {
        /** Path pattern: literal segments, {@code *} for exactly one segment; matches the path and everything below. */
        String path();

        /** Methods the rule covers; all when absent. */
        Optional<List<String>> methods();

        /** Rate-limit class (see xietong.gateway.limits). */
        @WithDefault("read")
        String limit();

        Optional<MemorySize> maxBody();

        /** This route's upload deadline, when it differs from the default (large batch files). */
        Optional<Duration> uploadDeadline();
    }
}
