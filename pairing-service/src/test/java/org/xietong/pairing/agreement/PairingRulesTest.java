package org.xietong.pairing.agreement;

import org.junit.jupiter.api.Test;
import org.xietong.pairing.agreement.PairingRules.Party;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairingRulesTest {

    private static final Party RITAN = new Party("1111010501", "110105", LocationType.URBAN, SchoolLevel.JUNIOR);
    private static final Party MUJIAYU = new Party("1111018001", "110118", LocationType.TOWNSHIP, SchoolLevel.JUNIOR);
    private static final Party BAYAN = new Party("2152222003", "152222", LocationType.RURAL, SchoolLevel.JUNIOR);
    private static final Party VOCATIONAL = new Party("1111010590", "110105", LocationType.URBAN, SchoolLevel.VOCATIONAL);

    @Test
    void handInHandIsUrbanSupportingTownshipOrRuralInOneProvince() {
        assertTrue(PairingRules.violation(PairingKind.HAND_IN_HAND, RITAN, MUJIAYU).isEmpty());
        assertTrue(PairingRules.violation(PairingKind.HAND_IN_HAND, MUJIAYU, RITAN).orElseThrow().contains("urban school supports"));
        assertTrue(PairingRules.violation(PairingKind.HAND_IN_HAND, RITAN, BAYAN).orElseThrow().contains("CROSS_REGION"));
    }

    @Test
    void crossRegionNeedsTwoProvinces() {
        assertTrue(PairingRules.violation(PairingKind.CROSS_REGION, RITAN, BAYAN).isEmpty());
        assertTrue(PairingRules.violation(PairingKind.CROSS_REGION, RITAN, MUJIAYU).isPresent());
    }

    @Test
    void levelKindsNeedTwoSchoolsOfThatLevel() {
        assertTrue(PairingRules.violation(PairingKind.VOCATIONAL, VOCATIONAL, RITAN).isPresent());
        assertTrue(PairingRules.violation(PairingKind.UNIVERSITY, RITAN, BAYAN).isPresent());
    }

    @Test
    void regionPairingsAreBetweenRegionsAndNobodyPairsWithItself() {
        assertTrue(PairingRules.violation(PairingKind.REGION, Party.region("110105"), Party.region("152222")).isEmpty());
        assertTrue(PairingRules.violation(PairingKind.REGION, RITAN, Party.region("152222")).isPresent());
        assertTrue(PairingRules.violation(PairingKind.CROSS_REGION, Party.region("110105"), BAYAN).isPresent());
        assertEquals("a party cannot be paired with itself",
                PairingRules.violation(PairingKind.HAND_IN_HAND, RITAN, RITAN).orElseThrow());
    }

    @Test
    void aTermEndsAfterItStarts() {
        assertTrue(PairingRules.termViolation(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1)).isPresent());
        assertTrue(PairingRules.termViolation(LocalDate.of(2026, 9, 1), LocalDate.of(2029, 8, 31)).isEmpty());
        assertTrue(PairingRules.termViolation(LocalDate.of(2026, 9, 1), LocalDate.of(2031, 9, 1)).isEmpty());
        assertTrue(PairingRules.termViolation(LocalDate.of(2026, 9, 1), LocalDate.of(2031, 9, 2)).isPresent());
    }
}
