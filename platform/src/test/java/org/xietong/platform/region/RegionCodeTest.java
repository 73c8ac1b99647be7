package org.xietong.platform.region;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionCodeTest {

    @Test
    void municipalityCoversItsDistricts() {
        assertTrue(RegionCode.covers("110000", "110105"));
        assertTrue(RegionCode.covers("110000", "110000"));
        assertFalse(RegionCode.covers("110000", "150700"));
    }

    @Test
    void prefectureCoversItsCountiesOnly() {
        assertTrue(RegionCode.covers("371400", "371481"));
        assertFalse(RegionCode.covers("371400", "370100"));
    }

    @Test
    void districtCoversOnlyItself() {
        assertTrue(RegionCode.covers("110105", "110105"));
        assertFalse(RegionCode.covers("110105", "110118"));
        assertFalse(RegionCode.covers("110105", "110000"));
    }

    @Test
    void malformedCodesCoverNothing() {
        assertFalse(RegionCode.covers("11", "110105"));
        assertFalse(RegionCode.covers("110105", "11010x"));
        assertFalse(RegionCode.isValid("011000"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.scopePrefix("abc"));
        assertEquals("1507", RegionCode.scopePrefix("150700"));
    }
}
