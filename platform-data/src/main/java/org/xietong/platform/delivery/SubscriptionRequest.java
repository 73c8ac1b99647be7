package org.xietong.platform.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a partner subscribes to, and where the events go. */
public record SubscriptionRequest(
        @NotBlank @Size(max = WebhookEndpoint.MAX_LENGTH)
        @Schema(description = "Where the events are posted: https (http only to a loopback address in the devstack)",
                example = "https://ybj.cq.gov.cn/xietong/webhooks")
        String endpoint,
        @Size(max = 20) @Schema(description = "Event types, each exact or ending in * to take every type it begins; "
                + "none or empty for all of the area's events", example = "[\"org.xietong.healthcare.settlement.*\"]")
        List<@NotBlank @Size(max = 201) String> types,
        @Size(max = 20) @Schema(description = "GB/T 2260 codes of the regions whose events you want, each within your "
                + "own; none or empty for your whole region")
        List<@NotBlank @Pattern(regexp = "[1-9][0-9]{5}") String> regions,
        @Size(max = 200) @Schema(description = "What the subscription is for, for the people who keep it")
        String description,
        @Schema(description = "Whether events are posted now; a disabled subscription keeps its place and catches up "
                + "when enabled (default true)")
        Boolean enabled) {
}
