package org.xietong.platform.rules;

import org.xietong.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Effective-dated rules (policies, catalog prices, benefits): each version is in force from its {@code validFrom} until
 * the day before the next version begins. A result recorded under a version keeps it, so once results are recorded
 * for a day, the rule in force that day is history: a change starts a new version today or later.
 */
public final class RuleVersions {

    /** The validFrom of a region's first rule when none is given: in force for every visit the suite will meet. */
    public static final LocalDate SINCE_EVER = LocalDate.of(2000, 1, 1);

    private RuleVersions() {
    }

    /** The version in force on {@code day}: the latest that began on or before it. */
    public static <T> Optional<T> inForce(Collection<T> versions, Function<T, LocalDate> validFrom, LocalDate day) {
        return versions.stream().filter(v -> !validFrom.apply(v).isAfter(day)).max(Comparator.comparing(validFrom));
    }

    /** The last day of the version that began on {@code from}: the day before the next one begins, or null. */
    public static LocalDate validTo(Collection<LocalDate> starts, LocalDate from) {
        return starts.stream().filter(d -> d.isAfter(from)).min(Comparator.naturalOrder()).map(d -> d.minusDays(1))
                .orElse(null);
    }

    /**
     * When a new version of a rule begins, for rules whose results lie in the past (a bill settles a visit that
     * happened): the day asked for, else the first rule's {@link #SINCE_EVER} or today. Once the rule has a version,
     * a new one beginning before today is refused if a result was recorded under the rule for that day or later (a
     * bill settled, say): the result would no longer agree with the rule in force on its day. With nothing recorded
     * yet, history may still be loaded (a price change of years ago).
     *
     * @param recordedFrom whether a result was recorded under the rule for the given day or later
     */
    public static LocalDate start(LocalDate asked, List<LocalDate> existing, LocalDate today,
                                  Predicate<LocalDate> recordedFrom, String what) {
        if (asked == null) {
            return existing.isEmpty() ? SINCE_EVER : today;
        }
        if (!existing.isEmpty() && asked.isBefore(today) && recordedFrom.test(asked)) {
            throw retroactive(what, asked, "a new version may begin today (" + today + ") or later, not on " + asked);
        }
        return asked;
    }

    /**
     * When a new version begins, for rules whose results may lie ahead (a matching run decides a cycle that starts
     * next September): as {@link #start}, but refused whenever a result was decided for its first day or later,
     * past or future, a region's first version (since ever unless dated) included.
     */
    public static LocalDate startAfterDecisions(LocalDate asked, List<LocalDate> existing, LocalDate today,
                                                Predicate<LocalDate> decidedFrom, String what) {
        LocalDate start = asked != null ? asked : existing.isEmpty() ? SINCE_EVER : today;
        if (decidedFrom.test(start)) {
            throw retroactive(what, start, "give a validFrom after the last day decided under it");
        }
        return start;
    }

    private static ProblemException retroactive(String what, LocalDate start, String advice) {
        return ProblemException.unprocessable("retroactive-rule", "A rule cannot change the past",
                what + " has results recorded under it for " + start + " or later, which would no longer agree "
                        + "with a version beginning then; " + advice);
    }

    /**
     * The ETag of one version: its start day and its edit count, so a new version (whose edit count starts again)
     * never carries the tag of the one before it.
     */
    public static long tag(LocalDate validFrom, long version) {
        return validFrom.toEpochDay() * 1_000_000L + version;
    }
}
