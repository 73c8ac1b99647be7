package org.xietong.pairing.pairing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "xietong.pairing")
public interface PairingPolicy {

    /** How many active (or suspended) pairings one supporting school may carry. */
    @WithDefault("3")
    int maxActivePerSupportingSchool();
}
