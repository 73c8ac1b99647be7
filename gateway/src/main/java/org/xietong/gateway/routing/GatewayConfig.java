package org.xietong.gateway.routing;

import io.smallrye.config.ConfigMapping;

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
    }
}
