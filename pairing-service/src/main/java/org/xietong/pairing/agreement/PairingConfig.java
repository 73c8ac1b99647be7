package org.xietong.pairing.agreement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of pairings ({@code xietong.pairing.*}); the rules a pairing must satisfy are {@link PairingRules}. */
@ConfigMapping(prefix = "xietong.pairing")
public interface PairingConfig {

    /** How many active (or suspended) pairings one supporting school may carry. */
    @WithDefault("3")
    int maxActivePerSupportingSchool();
}
