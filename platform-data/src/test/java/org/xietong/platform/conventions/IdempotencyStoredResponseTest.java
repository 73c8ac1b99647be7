package org.xietong.platform.conventions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, item 5: a response kept 24 hours for replays holds no resident ID number, wherever it sits. */
class IdempotencyStoredResponseTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void residentIdShapedStringsAreMaskedAndEverythingElseIsKept() throws Exception {
        JsonNode response = json.readTree("""
                {"id": 7, "residentId": "13010219850312002X", "staffNumber": "SJZ-0001", "schoolCode": "1313010201",
                 "big": 130102198503120021, "items": [{"ref": "130102850312002"}, "P-1"], "name": "王老师"}""");
        JsonNode stored = Idempotency.withoutResidentIds(response);
        assertEquals(json.readTree("""
                {"id": 7, "residentId": "**************002X", "staffNumber": "SJZ-0001", "schoolCode": "1313010201",
                 "big": 130102198503120021, "items": [{"ref": "***********2002"}, "P-1"], "name": "王老师"}"""), stored);
    }
}
