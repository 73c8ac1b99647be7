package org.xietong.pairing.agreement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.pairing.agreement.PairingRules.Party;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairingRulesTest {

    private static final Party RITAN = new Party("1111010501", "110105", LocationType.URBAN, SchoolLevel.JUNIOR);
    private static final Party MUJIAYU = new Party("1111018001", "110118", LocationType.TOWNSHIP, SchoolLevel.JUNIOR);
    private static final Party BAYAN = new Party("2152222003", "152222", LocationType.RURAL, SchoolLevel.JUNIOR);
    private static final Party VOCATIONAL = new Party("1111010590", "110105", LocationType.URBAN, SchoolLevel.VOCATIONAL);

    static Stream<Arguments> allowedPairings() {
        return Stream.of(
                Arguments.of("hand in hand: urban supports township in one province", PairingKind.HAND_IN_HAND, RITAN, MUJIAYU),
                Arguments.of("cross-region: two provinces", PairingKind.CROSS_REGION, RITAN, BAYAN),
                Arguments.of("region: two regions", PairingKind.REGION, Party.region("110105"), Party.region("152222")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedPairings")
    void aPairingWithinTheRulesHasNoViolation(String rule, PairingKind kind, Party supporting, Party supported) {
        assertTrue(PairingRules.violation(kind, supporting, supported).isEmpty());
    }

    static Stream<Arguments> refusedPairings() {
        return Stream.of(
                Arguments.of("hand in hand: a township school supports an urban one", PairingKind.HAND_IN_HAND, MUJIAYU,
                        RITAN, "urban school supports"),
                Arguments.of("hand in hand across provinces", PairingKind.HAND_IN_HAND, RITAN, BAYAN, "CROSS_REGION"),
                Arguments.of("cross-region within one province", PairingKind.CROSS_REGION, RITAN, MUJIAYU, ""),
                Arguments.of("vocational with a junior school", PairingKind.VOCATIONAL, VOCATIONAL, RITAN, ""),
                Arguments.of("university between junior schools", PairingKind.UNIVERSITY, RITAN, BAYAN, ""),
                Arguments.of("region with a school party", PairingKind.REGION, RITAN, Party.region("152222"), ""),
                Arguments.of("cross-region with a region party", PairingKind.CROSS_REGION, Party.region("110105"), BAYAN, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPairings")
    void aPairingAgainstTheRulesSaysWhichRule(String rule, PairingKind kind, Party supporting, Party supported,
                                              String reason) {
        assertTrue(PairingRules.violation(kind, supporting, supported).orElseThrow().contains(reason));
    }

    @Test
    void nobodyPairsWithItself() {
        assertEquals("a party cannot be paired with itself",
                PairingRules.violation(PairingKind.HAND_IN_HAND, RITAN, RITAN).orElseThrow());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"2026-09-01, 2029-08-31", "2026-09-01, 2031-09-01"})
    void aTermOfUpToFiveYearsIsAllowed(LocalDate start, LocalDate end) {
        assertTrue(PairingRules.termViolation(start, end).isEmpty());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"2026-09-01, 2026-09-01", "2026-09-01, 2031-09-02"})
    void aTermEndsAfterItStartsAndLastsAtMostFiveYears(LocalDate start, LocalDate end) {
        assertTrue(PairingRules.termViolation(start, end).isPresent());
    }
}
