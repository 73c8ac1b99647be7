package org.xietong.healthcare.settlement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Caps on one settlement batch, enforced while it streams in, so that a batch's memory stays bounded whatever it
 * holds (the service runs with a 256 MB heap). A bill's lines are capped by {@link BillRequest#MAX_LINES}.
 */
@ConfigMapping(prefix = "xietong.settlement.batch")
public interface BatchLimits {

    /** Bytes of one line: a CSV row, or a whole bill as JSON (500 lines of a bill take about 40 KB). */
    @WithDefault("65536")
    int lineBytes();

    /** Lines of one batch, header and blank lines included: twice the million bill lines a partner file holds. */
    @WithDefault("2000000")
    int lines();

    /** People (per year) whose accumulators a quoted batch carries from bill to bill, about 400 bytes each. */
    @WithDefault("100000")
    int people();

    /** Bytes of any other request's body: the service's own limit is raised for batches, which stream. */
    @WithDefault("10485760")
    long otherBodyBytes();
}
