package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.healthcare.settlement.SettlementFixtures.API;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;
import static org.xietong.healthcare.settlement.SettlementFixtures.dialysis;

/** Issue 17, item 4: quotes, one by one or in a batch, cannot harvest more than a few persons per caller and period. */
@QuarkusTest
@TestProfile(SettlementQuoteLimitTest.ThreePersonsAnHour.class)
class SettlementQuoteLimitTest {

    public static class ThreePersonsAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("xietong.settlement.quote-limit.persons", "3", "xietong.settlement.quote-limit.period", "PT1H");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private String caller;
    private String prefix;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        String id = UUID.randomUUID().toString().substring(0, 8);
        caller = TestTokens.user("insurer-" + id, "insurance-officer").region("141100").sign();
        prefix = "QL-" + id + "-";
        SettlementFixtures.certifyDialysis(prefix + "1", prefix + "2", prefix + "3", prefix + "4");
    }

    @Test
    void aFourthPersonIsRefusedWithRetryAfterWhileQuotedPersonsMayBeQuotedAgain() {
        for (String p : List.of("1", "2", "3", "1")) {
            as(caller).body(dialysis(prefix + p, "2025-03-03")).post(API + "/settlements/quote").then().statusCode(200);
        }
        as(caller).body(dialysis(prefix + "4", "2025-03-03")).post(API + "/settlements/quote").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("at most 3 distinct insured persons per PT1H"))
                .body("limit", equalTo(3));
        as(caller).body(dialysis(prefix + "2", "2025-03-04")).post(API + "/settlements/quote").then().statusCode(200);
        // Another caller has its own count.
        String other = TestTokens.user("insurer-other-" + prefix, "insurance-officer").region("141100").sign();
        as(other).body(dialysis(prefix + "4", "2025-03-03")).post(API + "/settlements/quote").then().statusCode(200);
    }

    @Test
    void aBatchQuotesNoMorePersonsThanTheLimitAndThenIsRefusedWhole() throws Exception {
        StringBuilder body = new StringBuilder();
        for (String p : List.of("1", "2", "3", "4", "1")) {
            body.append(JSON.writeValueAsString(dialysis(prefix + p, "2025-03-03"))).append('\n');
        }
        String answer = as(caller).contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).post(API + "/settlements/batch")
                .then().statusCode(200).extract().asString();
        List<Object> statuses = new ArrayList<>();
        for (String line : answer.split("\n")) {
            statuses.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {
            }).get("status"));
        }
        assertEquals(List.of(200, 200, 200, 429, 200), statuses);
        as(caller).contentType("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post(API + "/settlements/batch").then().statusCode(429).header("Retry-After", notNullValue())
                .body("type", containsString("quote-person-limit"));
    }
}
