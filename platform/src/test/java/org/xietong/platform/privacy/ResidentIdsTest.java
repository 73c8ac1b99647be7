package org.xietong.platform.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidentIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "110105194912310021", "110105491231002",
            " 110105194912310021 ", "000000000000000000"})
    void residentIdShapedValuesAreRecognised(String value) {
        assertTrue(ResidentIds.looksLikeOne(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FY-DEMO-0001", "P-1", "1101051949123100", "1101051949123100211", "11010519491231002Y",
            "S1411820001", ""})
    void otherReferencesAreNot(String value) {
        assertFalse(ResidentIds.looksLikeOne(value));
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, **************002X", "110105491231002, ***********1002", "12, 12"})
    void theMaskShowsOnlyTheLastFourCharacters(String id, String masked) {
        assertEquals(masked, ResidentIds.mask(id));
        assertFalse(ResidentIds.mask(id).contains("1949"));
    }
}
