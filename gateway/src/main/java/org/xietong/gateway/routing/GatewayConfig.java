package org.xietong.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "xietong.gateway")
public interface GatewayConfig {

    /** Upstream services by name (pairing, rotation, healthcare). */
    Map<String, Upstream> services();

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

        /** Consecutive failures (no connection, timeout, 502–504) that open the circuit. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit answers 503 before one request may try the service again. */
        @WithDefault("10s")
        Duration breakerReset();
    }
}
