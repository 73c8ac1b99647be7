package org.xietong.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurposeTest {

    @Test
    void aPersonHoldsThePurposesOfTheirRoles() {
        Set<String> held = Purpose.heldBy(List.of("education-officer"));
        assertTrue(held.contains("pairing:read"));
        assertTrue(held.contains("rotation:govern"));
        assertFalse(held.contains("healthcare:read"));
    }

    @Test
    void aPartnerHoldsOnlyTheGrantablePurposesItWasGranted() {
        Set<String> held = Purpose.heldBy(List.of("partner-system", "pairing:read", "rotation:govern",
                "healthcare:insure", "offline_access"));
        assertEquals(Set.of("pairing:read"), held);
    }

    @Test
    void aPurposeRoleGivenToSomeoneWhoIsNoPartnerSystemGivesNothing() {
        assertEquals(Set.of(), Purpose.heldBy(List.of("healthcare:settle")));
    }

    @Test
    void platformAdminHoldsEveryPurpose() {
        assertEquals(Purpose.values().length, Purpose.heldBy(List.of("platform-admin")).size());
    }

    @ParameterizedTest
    @EnumSource(Purpose.class)
    void everyPurposeIsFoundByItsNameAndHeldBySomeRole(Purpose purpose) {
        assertEquals(purpose, Purpose.byName(purpose.purposeName()).orElseThrow());
        assertFalse(purpose.holders().isEmpty(), purpose + " is held by no role");
    }
}
