package org.xietong.platform.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A subscription with its signing secret: the only answer that shows the secret, once. */
public record SubscriptionSecret(
        Subscription subscription,
        @Schema(maxLength = 100, description = "The Standard Webhooks secret (whsec_ and base64) that signs every "
                + "delivery; keep it, it is not shown again") String secret,
        @Schema(description = "Until when deliveries are also signed with the secret this one replaced; absent for "
                + "a new subscription") Instant previousSecretValidUntil) {
}
