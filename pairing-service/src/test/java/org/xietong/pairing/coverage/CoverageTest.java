package org.xietong.pairing.coverage;

import org.junit.jupiter.api.Test;
import org.xietong.pairing.coverage.Coverage.PairFacts;
import org.xietong.pairing.coverage.Coverage.SchoolFacts;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CoverageTest {

    private static SchoolFacts school(String code, String region, LocationType location, SchoolLevel level) {
        return new SchoolFacts(code, region, location, level);
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
                new PairFacts(PairingKind.HAND_IN_HAND, "D", "A", "110105", "110118"),
                new PairFacts(PairingKind.CROSS_REGION, "X", "C", "150702", "110118"),
                new PairFacts(PairingKind.REGION, "110105", "152222", "110105", "152222"));

        Coverage.Report report = Coverage.compute("110000", "11", schools, pairs, java.util.Set.of("D", "A"));

        assertEquals(5, report.schools());
        assertEquals(3, report.targetSchools(), "A, B and E; C is a senior school, D urban");
        assertEquals(1, report.coveredSchools(), "a REGION pairing covers no school");
        assertEquals(new BigDecimal("0.3333"), report.ratio());
        assertEquals(3, report.activePairs());
        assertEquals(2, report.groupedSchools());
        assertEquals(new BigDecimal("0.4000"), report.groupRatio());
        assertEquals(List.of("110105", "110118"), report.districts().stream().map(Coverage.Row::regionCode).toList());
        Coverage.Row miyun = report.districts().get(1);
        assertEquals(2, miyun.targetSchools());
        assertEquals(new BigDecimal("0.5000"), miyun.ratio());
        assertEquals(2, miyun.activePairs());
        assertEquals(2, report.districts().get(0).activePairs());
    }

    @Test
    void aRegionWithoutTargetSchoolsHasNoRatio() {
        assertNull(Coverage.compute("110105", "110105",
                List.of(school("D", "110105", LocationType.URBAN, SchoolLevel.JUNIOR)), List.of(), java.util.Set.of()).ratio());
        assertEquals(new BigDecimal("0.6667"), Coverage.ratio(2, 3));
    }
}
