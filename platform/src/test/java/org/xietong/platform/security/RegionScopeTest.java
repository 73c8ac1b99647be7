package org.xietong.platform.security;

import org.junit.jupiter.api.Test;
import org.xietong.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionScopeTest {

    private static RegionScope officer(String region) {
        return RegionScope.of(region, Optional.empty(), Optional.empty());
    }

    @Test
    void aCrossRegionObjectIsVisibleToBothSides() {
        List<String> beijingInnerMongolia = List.of("110105", "150702");
        assertTrue(officer("110105").coversAny(beijingInnerMongolia));
        assertTrue(officer("150700").coversAny(beijingInnerMongolia));
        assertFalse(officer("110118").coversAny(beijingInnerMongolia));
    }

    @Test
    void aSchoolCodeNarrowsTheScopeToThatSchool() {
        RegionScope schoolAdmin = RegionScope.of("110118", Optional.of("1111018001"), Optional.empty());
        assertTrue(schoolAdmin.coversSchool("110118", "1111018001"));
        assertFalse(schoolAdmin.coversSchool("110118", "1111018004"));
        assertTrue(officer("110118").coversSchool("110118", "1111018004"));
    }

    @Test
    void readsOutsideScopeAreNotFoundAndWritesForbidden() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> officer("110118").requireReadable(false, "School 1")).problem().status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> officer("110118").requireWritable(false, "School 1")).problem().status());
    }

    @Test
    void anOfficerListsUnderTheirRegionsPrefix() {
        assertEquals("1101", officer("110100").listingPrefix());
    }

    @Test
    void anAdminListsEverything() {
        assertEquals("", RegionScope.EVERYTHING.listingPrefix());
    }

    @Test
    void aCallerWithoutARegionMayNotList() {
        assertThrows(ProblemException.class, RegionScope.NOTHING::listingPrefix);
    }

    @Test
    void aMalformedRegionGivesAnEmptyScope() {
        assertTrue(RegionScope.of("garbage", Optional.empty(), Optional.empty()).isEmpty());
    }
}
