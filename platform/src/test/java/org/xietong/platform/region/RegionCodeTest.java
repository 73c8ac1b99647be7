package org.xietong.platform.region;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0} covers nothing of {1}")
    @CsvSource({
            "11, 110105",      // a scope of two digits
            "110105, 11010x",  // a code with a letter
    })
    void malformedCodesCoverNothing(String scope, String code) {
        assertFalse(RegionCode.covers(scope, code));
    }

    @Test
    void aCodeStartingWithZeroIsInvalid() {
        assertFalse(RegionCode.isValid("011000"));
    }

    @Test
    void aMalformedScopeHasNoPrefix() {
        assertThrows(IllegalArgumentException.class, () -> RegionCode.scopePrefix("abc"));
    }

    @Test
    void aPrefectureScopesByItsFirstFourDigits() {
        assertEquals("1507", RegionCode.scopePrefix("150700"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} pools in {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "141182, 1411", // Fenyang, a county-level city of Lüliang
            "371481, 3714", // Leling, Dezhou
            "500103, 50",   // Chongqing Yuzhong, a district
            "500240, 50",   // Chongqing Shizhu, a county: the same pooling area
            "110114, 11",
            "120104, 12",
            "310115, 31"})
    void aMunicipalityIsOnePoolingAreaAndElsewhereTheCityIs(String district, String prefix) {
        assertEquals(prefix, RegionCode.poolingPrefix(district));
    }
}
