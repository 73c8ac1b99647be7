package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.healthcare.institution.Institution;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.SettlementFixtures.ADMIN;
import static org.xietong.healthcare.settlement.SettlementFixtures.as;

/**
 * Replays deploy/demo/healthcare-settlement.json against the service as the platform admin, as the devstack does
 * through the gateway; its institution codes are renamed to the S… codes tests may use.
 */
@QuarkusTest
class DemoSettlementResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoStepsRunAndTheForecastComesOutOfTheEngine() throws Exception {
        String text = Files.readString(Path.of("../deploy/demo/healthcare-settlement.json"))
                .replace("H14118200", "S14118290");
        // The demo runs on a fresh stack: no rule of Shanxi's yet, and no bill recorded there, so the demo may load
        // the price history (a version beginning in 2022) that recorded bills would forbid.
        QuarkusTransaction.requiringNew().run(() -> {
            SettlementRecord.delete("treatmentRegion like ?1", "14%");
            Institution.delete("code like ?1", "S14118290%");
            StoredSettlementPolicy.delete("regionCode in ?1", List.of("140000", "141182"));
            CatalogEntry.delete("regionCode in ?1", List.of("140000", "141182"));
        });
        Map<String, String> saved = new HashMap<>();
        saved.put("today", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        saved.put("month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());
        for (JsonNode step : JSON.readTree(text).get("steps")) {
            String path = substitute(step.get("path").asText(), saved);
            var request = as(ADMIN);
            if (step.has("body")) {
                request.body(substitute(JSON.writeValueAsString(step.get("body")), saved));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = step.path("headers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                request.header(header.getKey(), substitute(header.getValue().asText(), saved));
            }
            Response response = request.request(step.get("method").asText(), path);
            assertEquals(step.get("expect").asInt(), response.statusCode(), path + ": " + response.asString());
            if (step.has("save")) {
                JsonNode body = JSON.readTree(response.asString());
                for (Iterator<Map.Entry<String, JsonNode>> it = step.get("save").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> save = it.next();
                    String pointer = save.getValue().asText();
                    saved.put(save.getKey(), pointer.startsWith("header:")
                            ? response.header(pointer.substring("header:".length())) : body.at(pointer).asText());
                }
            }
        }
        assertEquals(0, new BigDecimal(saved.get("quotedPatientPays")).compareTo(new BigDecimal("35.00")));
        // The calibration (README "Fenyang calibration"): at 450 yuan a session, before the safety net, a resident's
        // year costs what the seed says and leaves what the seed says after the three tiers, to its rounding.
        assertFigure("70200.00", saved, "hemodialysisCostAt450");
        assertFigure("29570.00", saved, "hemodialysisSelfPayAt450");
        assertWithinSeedRounding("30000", saved.get("hemodialysisSelfPayAt450"));
        assertFigure("60006.00", saved, "peritonealCost");
        assertFigure("28880.72", saved, "peritonealSelfPay");
        assertWithinSeedRounding("29000", saved.get("peritonealSelfPay"));
        // At 423 with the safety net: 35 yuan × 156 sessions; the forecast for 121 + 27 residents.
        assertFigure("5460.00", saved, "hemodialysisPaysAt423");
        assertFigure("2825375.00", saved, "forecastFallback");
        assertEquals(0, new BigDecimal(saved.get("priceBeforeChange")).compareTo(new BigDecimal("450")));
        assertEquals(0, new BigDecimal(saved.get("priceAfterChange")).compareTo(new BigDecimal("423")));
        assertEquals("REVERSED", saved.get("reversedStatus"));
        assertEquals("1", saved.get("monthReversed"));
    }

    private static void assertFigure(String expected, Map<String, String> saved, String name) {
        assertEquals(0, new BigDecimal(saved.get(name)).compareTo(new BigDecimal(expected)), name + " = " + saved.get(name));
    }

    /** The seed rounds its yearly figures to the thousand ("约30000元"). */
    private static void assertWithinSeedRounding(String seed, String actual) {
        assertTrue(new BigDecimal(actual).subtract(new BigDecimal(seed)).abs().compareTo(new BigDecimal("500")) <= 0,
                actual + " is not about " + seed);
    }

    private static String substitute(String text, Map<String, String> saved) {
        for (Map.Entry<String, String> entry : saved.entrySet()) {
            text = text.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return text;
    }
}
