package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.dialysis;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

/** The batch caps that take millions of lines at their defaults, shown at small values (issue 17, item 7). */
@QuarkusTest
@TestProfile(SettlementBatchCapsProfileTest.SmallCaps.class)
class SettlementBatchCapsProfileTest {

    public static final class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("xietong.settlement.batch.people", "2", "xietong.settlement.batch.lines", "20");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = officer("141100");
    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        person = "CAP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Map<String, Object>> post(String contentType, String body) throws Exception {
        String text = as(OFFICER).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post(SettlementFixtures.API + "/settlements/batch").then().statusCode(200).extract().asString();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readValue(line, new TypeReference<>() {
            }));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Map<String, Object> line) {
        return (Map<String, Object>) line.get("problem");
    }

    @Test
    void aQuotedBatchCarryingMorePeopleThanItsCapEndsWithTheProblem() throws Exception {
        SettlementFixtures.certifyDialysis(person + "-1", person + "-2", person + "-3");
        String body = JSON.writeValueAsString(dialysis(person + "-1", "2025-07-01")) + "\n"
                + JSON.writeValueAsString(dialysis(person + "-2", "2025-07-01")) + "\n"
                + JSON.writeValueAsString(dialysis(person + "-1", "2025-07-03")) + "\n"
                + JSON.writeValueAsString(dialysis(person + "-3", "2025-07-01")) + "\n";
        List<Map<String, Object>> lines = post("application/x-ndjson", body);

        assertEquals(List.of(200, 200, 200, 413), lines.stream().map(l -> l.get("status")).toList());
        assertEquals("batch-people", problem(lines.get(3)).get("limit"));
        assertEquals(4, problem(lines.get(3)).get("line"));
        assertEquals(3, problem(lines.get(3)).get("answered"));
    }

    @Test
    void aBatchOverItsLineCapEndsWithTheProblemAtTheFirstLineBeyond() throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", CsvBills.COLUMNS)).append('\n');
        for (int i = 0; i < 25; i++) {
            csv.append("L").append(i).append(',').append(person).append(",141182,RESIDENT,,141182,")
                    .append(Fixtures.FENYANG_HOSPITAL).append(",INPATIENT,LOCAL,2025-08-01,,,A001,10.00\n");
        }
        List<Map<String, Object>> lines = post("text/csv", csv.toString());

        Map<String, Object> last = lines.get(lines.size() - 1);
        assertEquals(413, last.get("status"));
        assertEquals("batch-lines", problem(last).get("limit"));
        assertEquals(21, problem(last).get("line"));
        assertEquals(List.of(200), lines.subList(0, lines.size() - 1).stream().map(l -> l.get("status")).distinct().toList());
    }
}
