package org.xietong.healthcare.expert;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/** A half-day on a date: where an expert can be in one place only. */
public record SessionKey(LocalDate date, HalfDay slot) {

    private static final Comparator<SessionKey> ORDER = Comparator.comparing(SessionKey::date)
            .thenComparing(SessionKey::slot);

    public boolean overlaps(SessionKey other) {
        return date.equals(other.date) && slot == other.slot;
    }

    /** The proposed half-days already taken by the expert's existing sessions, in date order. */
    public static List<SessionKey> conflicts(Collection<SessionKey> existing, Collection<SessionKey> proposed) {
        Set<SessionKey> found = new TreeSet<>(ORDER);
        for (SessionKey candidate : proposed) {
            if (existing.stream().anyMatch(candidate::overlaps)) {
                found.add(candidate);
            }
        }
        return List.copyOf(found);
    }

    @Override
    public String toString() {
        return date + " " + slot;
    }
}
