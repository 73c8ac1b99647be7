package org.xietong.systemtests;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fixture object the matrix aims at: its kind, id, where it sits (one place, or one per side for cross-region
 * objects such as pairings), the staff number when it is a teacher's own record, and values for the further path
 * parameters of operations below it (an alliance's member school, a consortium's item).
 */
record MatrixTarget(MatrixKind kind, String id, List<MatrixPlace> places, String teacher, Map<String, String> params) {

    String label() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + id + " @" + places.stream()
                .map(p -> p.region() + (p.school() != null ? "/" + p.school() : "")
                        + (p.institution() != null ? "/" + p.institution() : ""))
                .reduce((a, b) -> a + "+" + b).orElse("");
    }

    boolean seenBy(MatrixCaller caller) {
        return places.stream().anyMatch(p -> p.seenBy(caller));
    }

    boolean allSeenBy(MatrixCaller caller) {
        return places.stream().allMatch(p -> p.seenBy(caller));
    }

    boolean anyInRegionOf(MatrixCaller caller) {
        return places.stream().anyMatch(p -> p.inRegionOf(caller));
    }
}
