package org.xietong.pairing.coverage;

import org.junit.jupiter.api.Test;
import org.xietong.pairing.coverage.Suggestions.Candidate;
import org.xietong.pairing.coverage.Suggestions.Target;
import org.xietong.pairing.school.SchoolLevel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestionsTest {

    // 密云区穆家峪中学, roughly at 40.40 N 116.90 E
    private static final Target MUJIAYU = new Target("1111018001", "110118", SchoolLevel.JUNIOR, 40.40, 116.90);

    @Test
    void sameProvinceFirstThenTheBestMatchAndNeverASchoolAtCapacity() {
        List<Candidate> candidates = List.of(
                new Candidate("1111010501", "北京市日坛中学", "110105", SchoolLevel.JUNIOR, true, 39.92, 116.44, 1),
                new Candidate("1111010502", "朝阳某小学", "110105", SchoolLevel.PRIMARY, false, 39.92, 116.44, 0),
                new Candidate("1111010503", "满员中学", "110105", SchoolLevel.JUNIOR, true, 39.92, 116.44, 3),
                new Candidate("1111010504", "九年一贯制学校", "110105", SchoolLevel.NINE_YEAR, false, null, null, 0),
                new Candidate("1237140201", "德州优质中学", "371402", SchoolLevel.JUNIOR, true, 37.45, 116.36, 0));

        List<Suggestions.Suggestion> ranked = Suggestions.rank(MUJIAYU, candidates, 3, 10);

        assertEquals(List.of("1111010501", "1111010504", "1111010502", "1237140201"),
                ranked.stream().map(Suggestions.Suggestion::code).toList());
        Suggestions.Suggestion first = ranked.get(0);
        assertTrue(first.reasons().contains("same level JUNIOR"), first.reasons().toString());
        assertTrue(first.reasons().contains("2 of 3 pairing slots free"), first.reasons().toString());
        assertTrue(first.reasons().stream().anyMatch(r -> r.endsWith("km away")), first.reasons().toString());
        assertEquals(66.0, first.distanceKm(), 2.0);
        assertTrue(ranked.get(1).reasons().contains("NINE_YEAR school covers JUNIOR"));
        assertEquals(2, Suggestions.rank(MUJIAYU, candidates, 3, 2).size());
    }
}
