package org.xietong.platform.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event's delivery to a subscription, with its latest attempts. */
public record Delivery(
        @Schema(description = "The event's id, sent as webhook-id: the same on every attempt and replay") UUID webhookId,
        @Schema(pattern = "[0-9]{1,18}", description = "The event's feed position (a cursor)") String position,
        @Schema(maxLength = 200) String type,
        @Schema(maxLength = 200) String subject,
        DeliveryState state,
        @Schema(minimum = "1") int attempts,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        @Schema(minimum = "100", maximum = "599", description = "The receiver's last status; absent if it did not answer")
        Integer lastStatus,
        @Schema(minimum = "0") Integer lastLatencyMs,
        @Schema(maxLength = 300, description = "Why the last attempt failed, when it did") String lastError,
        @Schema(maxItems = Delivery.RECENT_ATTEMPTS, description = "The latest attempts, newest first")
        List<Attempt> recentAttempts) {

    public static final int RECENT_ATTEMPTS = 10;

    /** One POST to the receiver. */
    public record Attempt(Instant at,
                          @Schema(minimum = "100", maximum = "599", description = "Absent if the receiver did not answer")
                          Integer status,
                          @Schema(minimum = "0") int latencyMs,
                          @Schema(maxLength = 300) String error) {
    }
}
