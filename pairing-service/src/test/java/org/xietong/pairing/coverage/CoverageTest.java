package org.xietong.pairing.coverage;

import org.junit.jupiter.api.Test;
import org.xietong.pairing.coverage.Coverage.PairFacts;
import org.xietong.pairing.coverage.Coverage.SchoolFacts;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CoverageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static SchoolFacts school(String code, String region, LocationType location, SchoolLevel level) {
        return new SchoolFacts(code, region, location, level);
    }

    /** Activated on 2024-09-01, its term 2024-09-01 to 2027-08-31. */
    private static PairFacts pair(PairingKind kind, String supporting, String supported, String supportingRegion,
                                  String supportedRegion) {
        return new PairFacts(kind, supporting, supported, supportingRegion, supportedRegion, LocalDate.of(2024, 9, 1),
                LocalDate.of(2024, 9, 1), LocalDate.of(2027, 8, 31));
    }

    /**
     * Beijing's figure counts 中小学: of 4 primary and secondary schools (a vocational school, a university and a
     * kindergarten left out), 3 grouped is 75 %, not the 3 of 7 (42.86 %) of every registered school.
     */
    @Test
    void theGroupRatioCountsPrimaryAndSecondarySchoolsOnly() {
        List<SchoolFacts> schools = List.of(
                school("P", "110105", LocationType.URBAN, SchoolLevel.PRIMARY),
                school("J", "110105", LocationType.URBAN, SchoolLevel.COMPLETE_SECONDARY),
                school("S", "110105", LocationType.URBAN, SchoolLevel.SENIOR),
                school("N", "110105", LocationType.URBAN, SchoolLevel.NINE_YEAR),
                school("V", "110105", LocationType.URBAN, SchoolLevel.VOCATIONAL),
                school("U", "110105", LocationType.URBAN, SchoolLevel.UNIVERSITY),
                school("K", "110105", LocationType.URBAN, SchoolLevel.KINDERGARTEN));

        Coverage.Report report = Coverage.compute("110105", "110105", TODAY, schools, List.of(),
                Set.of("P", "J", "S", "V"), Set.of());

        assertEquals(7, report.schools());
        assertEquals(4, report.primaryAndSecondarySchools());
        assertEquals(3, report.groupedSchools(), "the vocational school's membership is not counted");
        assertEquals(new BigDecimal("0.7500"), report.groupRatio());
    }

    /**
     * Dezhou counts the rural schools in its education groups: of 4 township and rural primary and secondary
     * schools (the urban one and the rural kindergarten left out), 3 are grouped: 75 %.
     */
    @Test
    void theRuralGroupRatioCountsTownshipAndRuralPrimaryAndSecondarySchools() {
        List<SchoolFacts> schools = List.of(
                school("T1", "371481", LocationType.TOWNSHIP, SchoolLevel.PRIMARY),
                school("T2", "371481", LocationType.TOWNSHIP, SchoolLevel.JUNIOR),
                school("R1", "371481", LocationType.RURAL, SchoolLevel.PRIMARY),
                school("R2", "371481", LocationType.RURAL, SchoolLevel.NINE_YEAR),
                school("RK", "371481", LocationType.RURAL, SchoolLevel.KINDERGARTEN),
                school("U1", "371481", LocationType.URBAN, SchoolLevel.JUNIOR));

        Coverage.Report report = Coverage.compute("371400", "3714", TODAY, schools, List.of(),
                Set.of("T1", "R1", "R2", "RK", "U1"), Set.of());

        assertEquals(4, report.ruralSchools());
        assertEquals(3, report.ruralGroupedSchools());
        assertEquals(new BigDecimal("0.7500"), report.ruralGroupRatio());
        assertEquals(new BigDecimal("0.8000"), report.groupRatio(), "4 of the 5 primary and secondary schools");
    }

    /**
     * Beijing's 学区制 figure counts compulsory-education schools in a school district: of 4 (primary, nine-year,
     * special education, complete secondary; the senior school and kindergarten left out), 3 are in one: 75 %.
     * Education-group membership does not count toward it, nor the other way round.
     */
    @Test
    void theSchoolDistrictRatioCountsCompulsorySchoolsInASchoolDistrict() {
        List<SchoolFacts> schools = List.of(
                school("P", "110105", LocationType.URBAN, SchoolLevel.PRIMARY),
                school("N", "110105", LocationType.URBAN, SchoolLevel.NINE_YEAR),
                school("T", "110105", LocationType.URBAN, SchoolLevel.SPECIAL_EDUCATION),
                school("C", "110105", LocationType.URBAN, SchoolLevel.COMPLETE_SECONDARY),
                school("S", "110105", LocationType.URBAN, SchoolLevel.SENIOR),
                school("K", "110105", LocationType.URBAN, SchoolLevel.KINDERGARTEN));

        Coverage.Report report = Coverage.compute("110105", "110105", TODAY, schools, List.of(), Set.of("C"),
                Set.of("P", "N", "T", "S", "K"));

        assertEquals(4, report.compulsorySchools());
        assertEquals(3, report.schoolDistrictSchools(), "the senior school and the kindergarten do not count");
        assertEquals(new BigDecimal("0.7500"), report.schoolDistrictRatio());
        assertEquals(new BigDecimal("0.2500"), report.groupRatio(),
                "1 of the 4 primary and secondary schools (a special-education school is not one)");
    }

    /** A pairing still ACTIVE past its term's end, or activated after the day asked, covers nobody that day. */
    @Test
    void aPairingCountsOnlyOnTheDaysItsTermRuns() {
        List<SchoolFacts> schools = List.of(
                school("A", "110118", LocationType.TOWNSHIP, SchoolLevel.JUNIOR),
                school("B", "110118", LocationType.RURAL, SchoolLevel.PRIMARY));
        List<PairFacts> pairs = List.of(
                new PairFacts(PairingKind.HAND_IN_HAND, "D", "A", "110105", "110118", LocalDate.of(2021, 9, 1),
                        LocalDate.of(2021, 9, 1), LocalDate.of(2024, 8, 31)),
                new PairFacts(PairingKind.HAND_IN_HAND, "E", "B", "110105", "110118", LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 29)));

        Coverage.Report now = Coverage.compute("110118", "110118", TODAY, schools, pairs, Set.of(), Set.of());
        Coverage.Report then = Coverage.compute("110118", "110118", LocalDate.of(2023, 6, 1), schools, pairs,
                Set.of(), Set.of());

        assertEquals(1, now.coveredSchools(), "A's pairing ended on 2024-08-31");
        assertEquals(new BigDecimal("0.5000"), now.ratio());
        assertEquals(1, now.activePairs());
        assertEquals(1, then.coveredSchools(), "on 2023-06-01 only A's pairing ran");
    }

    @Test
    void countsTownshipAndRuralCompulsorySchoolsWithAnActivePairing() {
        List<SchoolFacts> schools = List.of(
                school("A", "110118", LocationType.TOWNSHIP, SchoolLevel.JUNIOR),
                school("B", "110118", LocationType.RURAL, SchoolLevel.PRIMARY),
                school("C", "110118", LocationType.RURAL, SchoolLevel.SENIOR),
                school("D", "110105", LocationType.URBAN, SchoolLevel.JUNIOR),
                school("E", "110105", LocationType.TOWNSHIP, SchoolLevel.NINE_YEAR));
        List<PairFacts> pairs = List.of(
                pair(PairingKind.HAND_IN_HAND, "D", "A", "110105", "110118"),
                pair(PairingKind.CROSS_REGION, "X", "C", "150702", "110118"),
                pair(PairingKind.REGION, "110105", "152222", "110105", "152222"));

        Coverage.Report report = Coverage.compute("110000", "11", TODAY, schools, pairs, Set.of("D", "A"), Set.of());

        assertEquals(5, report.schools());
        assertEquals(3, report.targetSchools(), "A, B and E; C is a senior school, D urban");
        assertEquals(1, report.coveredSchools(), "a REGION pairing covers no school");
        assertEquals(new BigDecimal("0.3333"), report.ratio());
        assertEquals(3, report.activePairs());
        assertEquals(2, report.groupedSchools());
        assertEquals(new BigDecimal("0.4000"), report.groupRatio(), "2 of the 5 primary and secondary schools");
        assertEquals(List.of("110105", "110118"), report.districts().stream().map(Coverage.Row::regionCode).toList());
        Coverage.Row miyun = report.districts().get(1);
        assertEquals(2, miyun.targetSchools());
        assertEquals(new BigDecimal("0.5000"), miyun.ratio());
        assertEquals(2, miyun.activePairs());
        assertEquals(2, report.districts().get(0).activePairs());
    }

    @Test
    void aRegionWithoutTargetSchoolsHasNoRatio() {
        assertNull(Coverage.compute("110105", "110105", TODAY,
                List.of(school("D", "110105", LocationType.URBAN, SchoolLevel.JUNIOR)), List.of(), Set.of(), Set.of())
                .ratio());
        assertEquals(new BigDecimal("0.6667"), Coverage.ratio(2, 3));
    }
}
