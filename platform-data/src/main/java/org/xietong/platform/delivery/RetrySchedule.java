package org.xietong.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential back-off from {@code first}, doubled per attempt up to
 * {@code max}, with "equal jitter" (half the delay fixed, half random) so receivers that fail together are not
 * retried in lockstep. An event is retried until {@code window} has passed since it was published; then it is
 * dead-lettered, and the partner replays it when its receiver is mended.
 */
public record RetrySchedule(Duration first, Duration max, Duration window) {

    /** The delay before attempt {@code failures + 1}, after {@code failures} failed attempts (at least one). */
    public Duration delayAfter(int failures, DoubleSupplier random) {
        long ceiling = max.toMillis();
        long delay = first.toMillis();
        for (int i = 1; i < failures && delay < ceiling; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, ceiling);
        long half = delay / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (delay - half)));
    }

    /** Whether an event published at {@code publishedAt} has had its retry window by {@code now}. */
    public boolean expired(Instant publishedAt, Instant now) {
        return !now.isBefore(publishedAt.plus(window));
    }
}
