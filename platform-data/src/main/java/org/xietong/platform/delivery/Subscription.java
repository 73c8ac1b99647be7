package org.xietong.platform.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A push subscription as its owner sees it; the secret is shown only when made or rotated. */
public record Subscription(
        UUID id,
        @Schema(maxLength = WebhookEndpoint.MAX_LENGTH) String endpoint,
        @Schema(maxItems = 20, description = "The event types posted; empty for all") List<String> types,
        @Schema(maxItems = 20, description = "The regions whose events are posted; empty for every region (an "
                + "administrator's)") List<String> regions,
        @Schema(maxLength = 200) String description,
        boolean enabled,
        @Schema(pattern = "[0-9]{1,18}", description = "The feed cursor every event at or before which was "
                + "delivered or dead-lettered") String deliveredThrough,
        @Schema(description = "Since when the event at the head fails; absent while deliveries succeed")
        Instant failingSince,
        @Schema(description = "When the failing event is tried again") Instant nextAttemptAt,
        @Schema(minimum = "0", description = "How many events are dead-lettered (replay them from a cursor)")
        long deadLetters,
        Instant createdAt,
        Instant updatedAt) {
}
