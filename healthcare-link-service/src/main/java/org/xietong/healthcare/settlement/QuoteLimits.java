package org.xietong.healthcare.settlement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How many distinct insured persons one caller may quote per period: quotes must not harvest a population. */
@ConfigMapping(prefix = "xietong.settlement.quote-limit")
public interface QuoteLimits {

    @WithDefault("1000")
    int persons();

    @WithDefault("PT1H")
    Duration period();
}
