package org.xietong.gateway.policy;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table: which roles may call which paths with which methods, under which rate-limit class and body
 * limit. Coarse by design; the services still decide object by object.
 */
@ConfigMapping(prefix = "xietong.gateway.policy")
public interface PolicyConfig {

    /** Roles let through every rule (the platform's administrators). */
    @WithDefault("platform-admin")
    List<String> alwaysAllowed();

    /** Bodies larger than this get 413 unless a rule allows more. */
    @WithDefault("10M")
    MemorySize maxBody();

    /** Rules by name; the name shows in access logs and metrics. */
    Map<String, Route> routes();

    interface Route {
        /** Path pattern: literal segments, {@code *} for exactly one segment; matches the path and everything below. */
        String path();

        /** Methods the rule covers; all when absent. */
        Optional<List<String>> methods();

        /** Roles allowed; {@code any} lets every authenticated caller through. */
        List<String> roles();

        /** Rate-limit class (see xietong.gateway.limits). */
        @WithDefault("read")
        String limit();

        Optional<MemorySize> maxBody();
    }
}
