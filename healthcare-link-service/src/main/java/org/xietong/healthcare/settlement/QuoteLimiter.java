package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the distinct persons each caller (by token subject) quotes in a fixed window: a person already quoted in the
 * window costs nothing, a new one over the limit is a 429 whose Retry-After is the end of the window. Windows that
 * have ended are dropped as callers come, so the map holds at most the callers of one period.
 */
@ApplicationScoped
public class QuoteLimiter {

    private final int persons;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public QuoteLimiter(QuoteLimits limits) {
        this(limits.persons(), limits.period(), Clock.systemUTC());
    }

    QuoteLimiter(int persons, Duration period, Clock clock) {
        this.persons = persons;
        this.period = period;
        this.clock = clock;
    }

    private static final class Window {
        final Instant end;
        final Set<String> persons = new HashSet<>();

        Window(Instant end) {
            this.end = end;
        }
    }

    /** Admits {@code caller} quoting the person of {@code account}, or throws the 429 that says which limit. */
    public void admit(String caller, Account account) {
        Instant now = clock.instant();
        Window window = current(caller, now);
        synchronized (window) {
            if (window.persons.contains(account.key())) {
                return;
            }
            if (window.persons.size() >= persons) {
                throw refusal(window, now);
            }
            window.persons.add(account.key());
        }
    }

    /** Refuses up front a caller who may quote no new person before its window ends. */
    public void requireRoom(String caller) {
        Instant now = clock.instant();
        Window window = current(caller, now);
        synchronized (window) {
            if (window.persons.size() >= persons) {
                throw refusal(window, now);
            }
        }
    }

    private Window current(String caller, Instant now) {
        if (windows.size() > 1024) {
            windows.values().removeIf(w -> !w.end.isAfter(now));
        }
        return windows.compute(caller, (k, w) -> w == null || !w.end.isAfter(now) ? new Window(now.plus(period)) : w);
    }

    private QuoteLimitExceeded refusal(Window window, Instant now) {
        long seconds = Math.max(1, Duration.between(now, window.end).toSeconds() + 1);
        return new QuoteLimitExceeded(seconds, Problem.of(429, "quote-person-limit", "Too many persons quoted",
                "You may quote at most " + persons + " distinct insured persons per " + period
                        + "; the limit is reached, retry after " + seconds + " s")
                .withExtension("limit", persons).withExtension("period", period.toString()));
    }

    /** The refusal, with the seconds until the caller's window ends for a Retry-After header. */
    public static final class QuoteLimitExceeded extends ProblemException {

        private final long retryAfterSeconds;

        QuoteLimitExceeded(long retryAfterSeconds, Problem problem) {
            super(problem);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
