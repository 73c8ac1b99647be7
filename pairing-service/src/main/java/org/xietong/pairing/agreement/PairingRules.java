package org.xietong.pairing.agreement;

import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.time.LocalDate;
import java.util.Optional;

/** The rules a pairing must satisfy before it is recorded; plain Java so they can be tested on their own. */
public final class PairingRules {

    public static final int DEFAULT_TERM_YEARS = 3;
    /** The longest term a pairing is agreed for, at proposal or renewal: its end at most this many years after its start. */
    public static final int MAX_TERM_YEARS = 5;

    /** One side of a pairing: a school (with its profile) or a region (profile null). */
    public record Party(String id, String regionCode, LocationType location, SchoolLevel level) {

        public static Party region(String regionCode) {
            return new Party(regionCode, regionCode, null, null);
        }

        boolean isSchool() {
            return location != null;
        }

        String province() {
            return regionCode.substring(0, 2);
        }
    }

    private PairingRules() {
    }

    /** Why these two parties cannot be paired this way, if they cannot. */
    public static Optional<String> violation(PairingKind kind, Party supporting, Party supported) {
        if (supporting.id().equals(supported.id())) {
            return Optional.of("a party cannot be paired with itself");
        }
        if (kind.betweenRegions()) {
            return supporting.isSchool() || supported.isSchool()
                    ? Optional.of("a REGION pairing is between two regions") : Optional.empty();
        }
        if (!supporting.isSchool() || !supported.isSchool()) {
            return Optional.of("a " + kind + " pairing is between two schools");
        }
        return switch (kind) {
            case HAND_IN_HAND -> !supporting.province().equals(supported.province())
                    ? Optional.of("HAND_IN_HAND pairs schools of one province; use CROSS_REGION")
                    : supporting.location() != LocationType.URBAN || !supported.location().needsPartner()
                    ? Optional.of("HAND_IN_HAND: an urban school supports a township or rural school")
                    : Optional.empty();
            case CROSS_REGION -> supporting.province().equals(supported.province())
                    ? Optional.of("CROSS_REGION pairs schools of different provinces") : Optional.empty();
            case VOCATIONAL -> bothAt(SchoolLevel.VOCATIONAL, supporting, supported);
            case UNIVERSITY -> bothAt(SchoolLevel.UNIVERSITY, supporting, supported);
            case REGION -> Optional.empty();
        };
    }

    public static Optional<String> termViolation(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            return Optional.of("the term must end after it starts");
        }
        LocalDate latest = start.plusYears(MAX_TERM_YEARS);
        return end.isAfter(latest) ? Optional.of("a term lasts at most " + MAX_TERM_YEARS + " years: termEnd " + end
                + " lies beyond " + latest) : Optional.empty();
    }

    private static Optional<String> bothAt(SchoolLevel level, Party a, Party b) {
        return a.level() == level && b.level() == level
                ? Optional.empty() : Optional.of("a " + level + " pairing is between two " + level + " schools");
    }
}
