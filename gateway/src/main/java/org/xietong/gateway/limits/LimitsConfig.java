package org.xietong.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;

/** Rate-limit classes named by the route table: each caps one user and one client (the token's azp) per period. */
@ConfigMapping(prefix = "xietong.gateway.limits")
public interface LimitsConfig {

    @WithParentName
    Map<String, Limit> classes();

    interface Limit {
        /** Requests one user may make per period. */
        long userRequests();

        /** Requests all users of one client application together may make per period. */
        long clientRequests();

        @WithDefault("1M")
        Duration period();
    }
}
