package org.xietong.systemtests;

import java.util.Set;

/**
 * Where (part of) an object sits: a GB/T 2260 region code and, when the object belongs to one, the school or
 * institution. The matrix's own reading of the scope rule, written from the rule and not from the services' code,
 * so that a bug there cannot move the expectations with it: 110000 covers 11xxxx, 110100 covers 1101xx, 110105
 * only itself; a school or institution claim narrows a caller to that school or institution.
 */
record MatrixPlace(String region, String school, String institution) {

    /** Beijing, Tianjin, Shanghai, Chongqing: their districts sit directly below the municipality. */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    static MatrixPlace region(String region) {
        return new MatrixPlace(region, null, null);
    }

    static MatrixPlace school(String region, String school) {
        return new MatrixPlace(region, school, null);
    }

    static MatrixPlace institution(String region, String institution) {
        return new MatrixPlace(region, null, institution);
    }

    /** The prefix a region claim covers. */
    static String prefix(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        return region.endsWith("00") ? region.substring(0, 4) : region;
    }

    /** The region one level above: 371481 -> 371400 -> 370000; a municipality's district -> the municipality. */
    static String parent(String region) {
        if (region.endsWith("0000")) {
            return null;
        }
        if (region.endsWith("00") || MUNICIPALITIES.contains(region.substring(0, 2))) {
            return region.substring(0, 2) + "0000";
        }
        return region.substring(0, 4) + "00";
    }

    /** Whether a caller's region claim covers this place, ignoring school and institution claims. */
    boolean inRegionOf(MatrixCaller caller) {
        return caller.admin() || (!caller.region().isEmpty() && region != null
                && region.startsWith(prefix(caller.region())));
    }

    /** Region covered, and the caller's school or institution claim (if any) is this place's. */
    boolean seenBy(MatrixCaller caller) {
        if (caller.admin()) {
            return true;
        }
        return inRegionOf(caller)
                && caller.school().map(s -> s.equals(school)).orElse(true)
                && caller.institution().map(i -> i.equals(institution)).orElse(true);
    }
}
