package org.xietong.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

@ConfigMapping(prefix = "xietong.gateway")
public interface GatewayConfig {

    /** Upstream services by name (pairing, rotation, healthcare). */
    Map<String, Upstream> services();

    /**
     * Public clients (azp) shared by everyone who logs in through them: their callers are rate-limited per user
     * only, since one bucket for the whole client would let a few users starve the rest.
     */
    @WithDefault("xietong-cli")
    Set<String> publicClients();

    interface Upstream {
        /** Base URL of the service, e.g. http://localhost:8081. */
        String url();

        /** The path prefix routed to it; the service serves the same path. */
        String prefix();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest silence while waiting for the service's answer (between bytes, so long streams go on). */
        @WithDefault("30s")
        Duration readTimeout();

        /** Pooled connections to the service per gateway event loop; callers beyond wait up to the connect timeout. */
        @WithDefault("64")
        int maxConnections();

        /** Consecutive failures (no connection, timeout, 502–504) that open the circuit. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit answers 503 before one request may try the service again. */
        @WithDefault("10s")
        Duration breakerReset();
    }
}
