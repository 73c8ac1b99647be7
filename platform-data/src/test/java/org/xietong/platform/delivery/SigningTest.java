package org.xietong.platform.delivery;

import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.WebhookReceiver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the platform signs, the README's example receiver verifies; a forged or stale delivery it refuses. */
class SigningTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final byte[] BODY = "{\"type\":\"org.xietong.healthcare.settlement.recorded.v1\",\"data\":{\"备注\":\"汾阳\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aSignedDeliveryIsAccepted() {
        String signature = WebhookSignature.sign(SECRET, "msg-1", NOW.getEpochSecond(), BODY);
        assertTrue(WebhookReceiver.verify(List.of(SECRET), "msg-1", Long.toString(NOW.getEpochSecond()), signature, BODY, NOW));
    }

    @Test
    void aBodyChangedInTransitIsRefused() {
        String signature = WebhookSignature.sign(SECRET, "msg-1", NOW.getEpochSecond(), BODY);
        byte[] forged = new String(BODY, StandardCharsets.UTF_8).replace("汾阳", "吕梁").getBytes(StandardCharsets.UTF_8);
        assertFalse(WebhookReceiver.verify(List.of(SECRET), "msg-1", Long.toString(NOW.getEpochSecond()), signature, forged, NOW));
    }

    @Test
    void aSignatureByAnotherSecretIsRefused() {
        String signature = WebhookSignature.sign(WebhookSignature.newSecret(), "msg-1", NOW.getEpochSecond(), BODY);
        assertFalse(WebhookReceiver.verify(List.of(SECRET), "msg-1", Long.toString(NOW.getEpochSecond()), signature, BODY, NOW));
    }

    @Test
    void aStaleDeliveryIsRefusedAsAReplay() {
        long then = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, "msg-1", then, BODY);
        assertFalse(WebhookReceiver.verify(List.of(SECRET), "msg-1", Long.toString(then), signature, BODY, NOW));
    }

    @Test
    void anotherIdUnderTheSameSignatureIsRefused() {
        String signature = WebhookSignature.sign(SECRET, "msg-1", NOW.getEpochSecond(), BODY);
        assertFalse(WebhookReceiver.verify(List.of(SECRET), "msg-2", Long.toString(NOW.getEpochSecond()), signature, BODY, NOW));
    }

    @Test
    void oneOfSeveralSignaturesSuffices() {
        String both = WebhookSignature.sign(WebhookSignature.newSecret(), "msg-1", NOW.getEpochSecond(), BODY) + " "
                + WebhookSignature.sign(SECRET, "msg-1", NOW.getEpochSecond(), BODY);
        assertTrue(WebhookReceiver.verify(List.of(SECRET), "msg-1", Long.toString(NOW.getEpochSecond()), both, BODY, NOW));
    }
}
