package org.xietong.healthcare.settlement.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Accumulators held in memory per person and year, for batches and forecasts that settle many bills of one person
 * in order without touching the database. Not thread-safe: one batch, one thread.
 */
public final class YearlyAccumulators {

    private record Key(String personId, int year) {
    }

    private final Map<Key, Accumulators> byPersonYear = new HashMap<>();
    private final Function<String, Function<Integer, Accumulators>> initial;

    /** @param initial what a person starts a year with (the stored accumulators, or empty) */
    public YearlyAccumulators(Function<String, Function<Integer, Accumulators>> initial) {
        this.initial = initial;
    }

    public static YearlyAccumulators empty() {
        return new YearlyAccumulators(person -> year -> Accumulators.EMPTY);
    }

    public Accumulators get(String personId, int year) {
        return byPersonYear.computeIfAbsent(new Key(personId, year), k -> initial.apply(personId).apply(year));
    }

    public void put(String personId, int year, Accumulators accumulators) {
        byPersonYear.put(new Key(personId, year), accumulators);
    }
}
