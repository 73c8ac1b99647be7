package org.xietong.healthcare.settlement;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteLimiterTest {

    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

    private static Account person(int n) {
        return new Account("141182", "P-" + n);
    }

    private static QuoteLimiter limiter(Instant now) {
        return new QuoteLimiter(2, Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aNewPersonOverTheLimitIsRefusedUntilTheWindowEnds() {
        QuoteLimiter limiter = limiter(START);
        limiter.admit("sub-1", person(1));
        limiter.admit("sub-1", person(2));
        limiter.admit("sub-1", person(1));
        QuoteLimiter.QuoteLimitExceeded refused = assertThrows(QuoteLimiter.QuoteLimitExceeded.class,
                () -> limiter.admit("sub-1", person(3)));
        assertEquals(429, refused.problem().status());
        assertEquals(3601, refused.retryAfterSeconds());
        assertTrue(refused.problem().detail().contains("at most 2 distinct insured persons per PT1H"));
        assertThrows(QuoteLimiter.QuoteLimitExceeded.class, () -> limiter.requireRoom("sub-1"));
        assertDoesNotThrow(() -> limiter.admit("sub-2", person(3)));
    }

    @Test
    void theCountStartsAgainInTheNextWindow() {
        Instant[] now = {START};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        QuoteLimiter limiter = new QuoteLimiter(2, Duration.ofHours(1), clock);
        limiter.admit("sub-1", person(1));
        limiter.admit("sub-1", person(2));
        now[0] = START.plusSeconds(3599);
        assertThrows(QuoteLimiter.QuoteLimitExceeded.class, () -> limiter.admit("sub-1", person(3)));
        now[0] = START.plusSeconds(3600);
        assertDoesNotThrow(() -> limiter.admit("sub-1", person(3)));
        assertDoesNotThrow(() -> limiter.admit("sub-1", person(4)));
    }
}
