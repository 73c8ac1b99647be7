package org.xietong.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurposeTest {

    @Test
    void aPersonHoldsThePurposesOfTheirRoles() {
        Set<String> held = Purpose.heldBy(List.of("education-officer"), List.of());
        assertTrue(held.contains("pairing:read"));
        assertTrue(held.contains("rotation:govern"));
        assertFalse(held.contains("healthcare:read"));
    }

    @Test
    void aPartnerHoldsOnlyTheGrantableScopesItsTokenCarries() {
        Set<String> held = Purpose.heldBy(List.of("partner-system"),
                List.of("profile", "pairing:read", "rotation:govern", "healthcare:ltc-decide"));
        assertEquals(Set.of("pairing:read"), held);
    }

    @Test
    void scopesGiveNothingToACallerWhoIsNoPartnerSystem() {
        assertEquals(Set.of(), Purpose.heldBy(List.of(), List.of("healthcare:settle")));
    }

    @Test
    void platformAdminHoldsEveryPurpose() {
        assertEquals(Purpose.values().length, Purpose.heldBy(List.of("platform-admin"), List.of()).size());
    }

    @Test
    void purposeNamesAreUniqueAndFoundByName() {
        for (Purpose purpose : Purpose.values()) {
            assertEquals(purpose, Purpose.byName(purpose.purposeName()).orElseThrow());
        }
    }
}
