package org.xietong.pairing.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairing coverage of a region on a day: of its township and rural compulsory-education schools (the schools every
 * programme must reach), how many are a party to a pairing active that day (activated by then, its term running);
 * of its primary and secondary schools (中小学), how many belong to an education group or alliance, overall and
 * among the township and rural ones (乡村); and of its compulsory-education schools (义务教育学校), how many belong to a
 * school district (学区制). Overall and per district (一区一表).
 */
public final class Coverage {

    public record SchoolFacts(String code, String regionCode, LocationType location, SchoolLevel level) {

        boolean isTarget() {
            return location.needsPartner() && level.compulsory();
        }

        boolean isRuralPrimaryOrSecondary() {
            return location.needsPartner() && level.primaryOrSecondary();
        }
    }

    /** An ACTIVE pairing: its parties, and since when and until when it counts. */
    public record PairFacts(PairingKind kind, String supportingParty, String supportedParty, String supportingRegion,
                            String supportedRegion, LocalDate activatedOn, LocalDate termStart, LocalDate termEnd) {

        boolean activeOn(LocalDate day) {
            return (activatedOn == null || !activatedOn.isAfter(day)) && !termStart.isAfter(day) && !termEnd.isBefore(day);
        }
    }

    /**
     * One region's figures: {@code ratio} = covered / target schools; {@code groupRatio} = grouped / primary and
     * secondary schools; {@code ruralGroupRatio} the same among the township and rural ones;
     * {@code schoolDistrictRatio} = schools in a school district / compulsory-education schools.
     */
    @Schema(name = "CoverageRow")
    public record Row(String regionCode, int schools, int targetSchools, int coveredSchools, BigDecimal ratio,
                      int activePairs, int primaryAndSecondarySchools, int groupedSchools, BigDecimal groupRatio,
                      int ruralSchools, int ruralGroupedSchools, BigDecimal ruralGroupRatio, int compulsorySchools,
                      int schoolDistrictSchools, BigDecimal schoolDistrictRatio) {
    }

    @Schema(name = "CoverageReport")
    public record Report(String regionCode, LocalDate asOf, int schools, int targetSchools, int coveredSchools,
                         BigDecimal ratio, int activePairs, int primaryAndSecondarySchools, int groupedSchools,
                         BigDecimal groupRatio, int ruralSchools, int ruralGroupedSchools, BigDecimal ruralGroupRatio,
                         int compulsorySchools, int schoolDistrictSchools, BigDecimal schoolDistrictRatio,
                         List<Row> districts) {
    }

    private static final int SCHOOLS = 0;
    private static final int TARGET = 1;
    private static final int COVERED = 2;
    private static final int PAIRS = 3;
    private static final int GENERAL = 4;
    private static final int GROUPED = 5;
    private static final int RURAL = 6;
    private static final int RURAL_GROUPED = 7;
    private static final int COMPULSORY = 8;
    private static final int DISTRICTED = 9;
    private static final int FIGURES = 10;

    private Coverage() {
    }

    /**
     * The report for the schools and ACTIVE pairings of a region prefix on {@code asOf} (every school given lies
     * inside it); a pairing whose term has not begun or has ended by then counts for nothing. {@code grouped} are the
     * members of education groups and alliances, {@code districted} those of school districts.
     */
    public static Report compute(String regionCode, String prefix, LocalDate asOf, List<SchoolFacts> schools,
                                 List<PairFacts> pairs, Set<String> grouped, Set<String> districted) {
        List<PairFacts> active = pairs.stream().filter(p -> p.activeOn(asOf)).toList();
        Set<String> paired = new HashSet<>();
        for (PairFacts pair : active) {
            if (pair.kind() != PairingKind.REGION) {
                paired.add(pair.supportingParty());
                paired.add(pair.supportedParty());
            }
        }
        Map<String, int[]> byDistrict = new TreeMap<>();
        for (SchoolFacts school : schools) {
            int[] counts = byDistrict.computeIfAbsent(school.regionCode(), k -> new int[FIGURES]);
            counts[SCHOOLS]++;
            boolean inGroup = grouped.contains(school.code());
            if (school.level().primaryOrSecondary()) {
                counts[GENERAL]++;
                counts[GROUPED] += inGroup ? 1 : 0;
            }
            if (school.isRuralPrimaryOrSecondary()) {
                counts[RURAL]++;
                counts[RURAL_GROUPED] += inGroup ? 1 : 0;
            }
            if (school.level().compulsory()) {
                counts[COMPULSORY]++;
                counts[DISTRICTED] += districted.contains(school.code()) ? 1 : 0;
            }
            if (school.isTarget()) {
                counts[TARGET]++;
                counts[COVERED] += paired.contains(school.code()) ? 1 : 0;
            }
        }
        for (PairFacts pair : active) {
            for (String district : new HashSet<>(List.of(pair.supportingRegion(), pair.supportedRegion()))) {
                if (district.startsWith(prefix)) {
                    byDistrict.computeIfAbsent(district, k -> new int[FIGURES])[PAIRS]++;
                }
            }
        }
        List<Row> rows = byDistrict.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
        int[] total = new int[FIGURES];
        byDistrict.values().forEach(c -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        });
        total[PAIRS] = active.size();
        Row sum = row(regionCode, total);
        return new Report(regionCode, asOf, sum.schools(), sum.targetSchools(), sum.coveredSchools(), sum.ratio(),
                sum.activePairs(), sum.primaryAndSecondarySchools(), sum.groupedSchools(), sum.groupRatio(),
                sum.ruralSchools(), sum.ruralGroupedSchools(), sum.ruralGroupRatio(), sum.compulsorySchools(),
                sum.schoolDistrictSchools(), sum.schoolDistrictRatio(), rows);
    }

    private static Row row(String regionCode, int[] c) {
        return new Row(regionCode, c[SCHOOLS], c[TARGET], c[COVERED], ratio(c[COVERED], c[TARGET]), c[PAIRS],
                c[GENERAL], c[GROUPED], ratio(c[GROUPED], c[GENERAL]), c[RURAL], c[RURAL_GROUPED],
                ratio(c[RURAL_GROUPED], c[RURAL]), c[COMPULSORY], c[DISTRICTED], ratio(c[DISTRICTED], c[COMPULSORY]));
    }

    /** covered / target, four decimals, half up; null when there is nothing to cover. */
    static BigDecimal ratio(int covered, int target) {
        return target == 0 ? null : BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
    }
}
