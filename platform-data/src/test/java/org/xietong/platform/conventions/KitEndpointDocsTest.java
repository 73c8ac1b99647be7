package org.xietong.platform.conventions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KitEndpointDocsTest {

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(value = {
            "/api/v1/pairing/audit, Pairing",
            "/api/v1/healthcare/exchange/events, Healthcare",
            "/q/health, ''"})
    void theAreaOfAKitPathNamesItsOperations(String path, String area) {
        assertEquals(area, KitEndpointDocs.area(path));
    }
}
