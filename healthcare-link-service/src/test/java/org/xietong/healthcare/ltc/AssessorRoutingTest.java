package org.xietong.healthcare.ltc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessorRoutingTest {

    private static final AssessorRouting.Assessor SHIJINGSHAN =
            new AssessorRouting.Assessor("LTC1101070001", "110107", 39.906, 116.223);
    private static final AssessorRouting.Assessor TONGZHOU =
            new AssessorRouting.Assessor("LTC1101120001", "110112", 39.909, 116.656);
    private static final AssessorRouting.Assessor HAIDIAN =
            new AssessorRouting.Assessor("LTC1101080001", "110108", 39.959, 116.298);

    @Test
    void anAssessorInTheResidenceDistrictIsChosenFirst() {
        var choice = AssessorRouting.route("110112", 40.2, 116.2, List.of(SHIJINGSHAN, TONGZHOU, HAIDIAN)).orElseThrow();
        assertEquals("LTC1101120001", choice.assessor().code());
        assertTrue(choice.reason().contains("residence district"));
    }

    @Test
    void withoutOneTheNearestInTheSameCityIsChosen() {
        // Changping (110114) has none; from 回龙观 Haidian's assessor is nearer than Shijingshan's or Tongzhou's.
        var choice = AssessorRouting.route("110114", 40.07, 116.33, List.of(SHIJINGSHAN, TONGZHOU, HAIDIAN)).orElseThrow();
        assertEquals("LTC1101080001", choice.assessor().code());
        // From 西山 in the south-west, Shijingshan's is nearest.
        assertEquals("LTC1101070001", AssessorRouting.route("110114", 39.95, 116.18,
                List.of(SHIJINGSHAN, TONGZHOU, HAIDIAN)).orElseThrow().assessor().code());
    }

    @Test
    void anotherCityNeverServesAndWithoutCoordinatesTheCodeOrderDecides() {
        var tianjin = new AssessorRouting.Assessor("LTC1201040001", "120104", 39.12, 117.15);
        assertTrue(AssessorRouting.route("110114", 40.2, 116.2, List.of(tianjin)).isEmpty());
        assertEquals("LTC1101070001", AssessorRouting.route("110114", null, null, List.of(TONGZHOU, SHIJINGSHAN))
                .orElseThrow().assessor().code());
    }

    /** Chongqing is one pooling area: a resident of Shizhu county (500240) is assessed in Yuzhong (500103). */
    @Test
    void aMunicipalitysCountiesAreServedByItsDistricts() {
        var yuzhong = new AssessorRouting.Assessor("LTC5001030001", "500103", 29.55, 106.57);
        var choice = AssessorRouting.route("500240", 30.0, 108.1, List.of(yuzhong)).orElseThrow();

        assertEquals("LTC5001030001", choice.assessor().code());
    }
}
