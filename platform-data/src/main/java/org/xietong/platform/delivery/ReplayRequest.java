package org.xietong.platform.delivery;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a replay starts. */
public record ReplayRequest(
        @Pattern(regexp = "[0-9]{1,18}")
        @Schema(description = "Deliver again every event after this cursor (a delivery's position, or a feed page's "
                + "'next'); absent to start just before the oldest dead-lettered event")
        String after) {
}
