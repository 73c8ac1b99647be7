package org.xietong.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a service publishes its events: {@code xietong.events.*}. */
@ConfigMapping(prefix = "xietong.events")
public interface EventsConfig {

    /** CloudEvents source of this service, e.g. /xietong/pairing. */
    String source();

    /** The service's topic, e.g. xietong.pairing.events. */
    String topic();

    /**
     * How long published events stay in the outbox for the exchange feed, and how long the inbox remembers an event
     * it processed; {@link Housekeeping} deletes what is older.
     */
    @WithDefault("P180D")
    Duration retention();

    Relay relay();

    interface Relay {
        /** Whether this instance runs a relay (several instances may; they take turns). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** The fallback poll when no commit signals new events (events recorded by other instances). */
        @WithDefault("PT1S")
        Duration idlePoll();

        /** Upper bound of the back-off while Kafka is unreachable. */
        @WithDefault("PT5S")
        Duration maxBackoff();
    }
}
