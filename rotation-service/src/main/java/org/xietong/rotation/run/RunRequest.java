package org.xietong.rotation.run;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A matching run for a region's dispatched posts in a cycle. {@code postIds} narrows it to some posts; a dry run
 * stores the result but proposes nothing.
 */
public record RunRequest(
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 code") String regionCode,
        @NotNull @Min(2000) @Max(2100) Integer cycle,
        MatchingRun.Mode mode,
        @Size(max = 5000) List<@NotNull Long> postIds,
        boolean dryRun) {

    public MatchingRun.Mode modeOrOptimal() {
        return mode == null ? MatchingRun.Mode.OPTIMAL : mode;
    }
}
