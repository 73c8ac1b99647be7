package org.xietong.pairing.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairing coverage of a region: of its township and rural compulsory-education schools (the schools every
 * programme must reach), how many are a party to an active pairing; and of all its schools, how many belong to an
 * education group or alliance. Overall and per district (一区一表).
 */
public final class Coverage {

    public record SchoolFacts(String code, String regionCode, LocationType location, SchoolLevel level) {

        boolean isTarget() {
            return location.needsPartner() && level.compulsory();
        }
    }

    public record PairFacts(PairingKind kind, String supportingParty, String supportedParty, String supportingRegion,
                            String supportedRegion) {
    }

    @Schema(name = "CoverageRow")
    public record Row(String regionCode, int schools, int targetSchools, int coveredSchools, BigDecimal ratio,
                      int activePairs, int groupedSchools, BigDecimal groupRatio) {
    }

    @Schema(name = "CoverageReport")
    public record Report(String regionCode, int schools, int targetSchools, int coveredSchools, BigDecimal ratio,
                         int activePairs, int groupedSchools, BigDecimal groupRatio, List<Row> districts) {
    }

    private Coverage() {
    }

    /** The report for the schools and active pairings of a region prefix (every school given lies inside it). */
    public static Report compute(String regionCode, String prefix, List<SchoolFacts> schools, List<PairFacts> activePairs,
                                 Set<String> grouped) {
        Set<String> paired = new HashSet<>();
        for (PairFacts pair : activePairs) {
            if (pair.kind() != PairingKind.REGION) {
                paired.add(pair.supportingParty());
                paired.add(pair.supportedParty());
            }
        }
        Map<String, int[]> byDistrict = new TreeMap<>();
        for (SchoolFacts school : schools) {
            int[] counts = byDistrict.computeIfAbsent(school.regionCode(), k -> new int[5]);
            counts[0]++;
            if (grouped.contains(school.code())) {
                counts[4]++;
            }
            if (school.isTarget()) {
                counts[1]++;
                if (paired.contains(school.code())) {
                    counts[2]++;
                }
            }
        }
        for (PairFacts pair : activePairs) {
            Set<String> districts = new HashSet<>(List.of(pair.supportingRegion(), pair.supportedRegion()));
            for (String district : districts) {
                if (district.startsWith(prefix)) {
                    byDistrict.computeIfAbsent(district, k -> new int[5])[3]++;
                }
            }
        }
        List<Row> rows = byDistrict.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        ratio(e.getValue()[2], e.getValue()[1]), e.getValue()[3], e.getValue()[4],
                        ratio(e.getValue()[4], e.getValue()[0])))
                .toList();
        int total = rows.stream().mapToInt(Row::schools).sum();
        int target = rows.stream().mapToInt(Row::targetSchools).sum();
        int covered = rows.stream().mapToInt(Row::coveredSchools).sum();
        int inGroups = rows.stream().mapToInt(Row::groupedSchools).sum();
        return new Report(regionCode, total, target, covered, ratio(covered, target), activePairs.size(), inGroups,
                ratio(inGroups, total), rows);
    }

    /** covered / target, four decimals, half up; null when there is nothing to cover. */
    static BigDecimal ratio(int covered, int target) {
        return target == 0 ? null : BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
    }
}
