package org.xietong.platform.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.platform.events.testapp.Ledger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExchangeFeedTest {

    private static final String FEED = "/api/v1/test/exchange/events";
    // 额尔古纳市 (150784): a region only this test writes to.
    private static final String ERGUN = "150784";

    @Inject
    Ledger ledger;

    @Test
    void partnersPageThroughTheirRegionsEventsOldestFirst() {
        String partner = TestTokens.demoPartner("partner-150000").sign();
        String start = endOfFeed(partner);
        ledger.record(ERGUN, "第一");
        ledger.record(ERGUN, "第二");
        ledger.record(ERGUN, "第三");
        ledger.record("110105", "not for Inner Mongolia");

        await().atMost(Duration.ofSeconds(30)).until(() -> page(partner, start, 10).getList("events").size() == 3);
        JsonPath first = page(partner, start, 2);
        assertEquals(List.of("第一", "第二"), first.getList("events.data.note"));
        assertTrue(first.getBoolean("hasMore"));
        assertEquals("1.0", first.getString("events[0].specversion"));
        assertEquals(Ledger.RECORDED, first.getString("events[0].type"));
        assertEquals("/xietong/test", first.getString("events[0].source"));
        assertEquals(ERGUN, first.getString("events[0].regioncodes"));

        JsonPath second = page(partner, first.getString("next"), 2);
        assertEquals(List.of("第三"), second.getList("events.data.note"));
        assertFalse(second.getBoolean("hasMore"));
        JsonPath empty = page(partner, second.getString("next"), 2);
        assertTrue(empty.getList("events").isEmpty());
        assertEquals(second.getString("next"), empty.getString("next"), "an empty page keeps the cursor");
    }

    @Test
    void officersSeeOnlyTheirRegion() {
        String chaoyang = TestTokens.user("edu-chaoyang", "education-officer").region("110105").sign();
        String start = endOfFeed(chaoyang);
        ledger.record(ERGUN, "额尔古纳 only");
        ledger.record("110105", "朝阳 only");
        await().atMost(Duration.ofSeconds(30)).until(() -> !page(chaoyang, start, 100).getList("events").isEmpty());
        List<String> regions = page(chaoyang, start, 100).getList("events.regioncodes");
        assertTrue(regions.stream().allMatch("110105"::equals), regions.toString());
    }

    @Test
    void aPartnerNarrowsTheFeedByTypeAndSubject() {
        String partner = TestTokens.demoPartner("partner-150000").sign();
        String start = endOfFeed(partner);
        ledger.record(ERGUN, "其一");
        UUID wanted = ledger.record(ERGUN, "其二");
        await().atMost(Duration.ofSeconds(30)).until(() -> page(partner, start, 10).getList("events").size() == 2);

        assertEquals(List.of("其一", "其二"), filtered(partner, start, "types", "org.xietong.test.*").getList("events.data.note"));
        assertEquals(List.of("其二"), filtered(partner, start, "subject", wanted.toString()).getList("events.data.note"));
        JsonPath none = filtered(partner, start, "types", "org.xietong.pairing.*,org.xietong.test.ledger.other.v1");
        assertTrue(none.getList("events").isEmpty());
        assertTrue(Long.parseLong(none.getString("next")) > Long.parseLong(start.isEmpty() ? "0" : start),
                "an empty narrowed page moves past what it looked through");
    }

    @ParameterizedTest(name = "?{0} is {1}")
    @CsvSource({
            "types=ORG.XIETONG.*, invalid-types",
            "types=org.xietong.%25, invalid-types",
            "types=a*b, invalid-types",
            "after=abc, invalid-cursor",
            "after=-1, invalid-cursor",
            "limit=0, invalid-request",
            "limit=100000, invalid-request",
    })
    void aMalformedCursorOrLimitIsA400Problem(String query, String slug) {
        String admin = TestTokens.user("admin", "platform-admin").sign();
        given().auth().oauth2(admin).get(FEED + "?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://xietong.org/problems/" + slug));
    }

    @Test
    void aCallWithoutATokenIsA401Problem() {
        given().get(FEED).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTeacherMayNotReadTheFeed() {
        String teacher = TestTokens.user("teacher-demo", "teacher").region("110118").sign();
        given().auth().oauth2(teacher).get(FEED).then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"healthcare:exchange", "pairing:read", "healthcare:insure"})
    void aPartnerReadsTheFeedOnlyWithThisAreasExchangePurpose(String granted) {
        String partner = TestTokens.user("service-account-partner-500000", "partner-system", granted)
                .client("partner-500000").region("500000").sign();
        given().auth().oauth2(partner).get(FEED).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aPurposeRoleGivenToAPersonGrantsNothing() {
        String teacher = TestTokens.user("teacher-demo", "teacher", "pairing:exchange").region("110118").sign();
        given().auth().oauth2(teacher).get(FEED).then().statusCode(403).contentType("application/problem+json");
    }

    private static String endOfFeed(String token) {
        String cursor = "";
        JsonPath page;
        do {
            page = page(token, cursor, 1000);
            cursor = page.getString("next");
        } while (page.getBoolean("hasMore"));
        return cursor;
    }

    private static JsonPath filtered(String token, String after, String filter, String value) {
        return given().auth().oauth2(token).queryParam("after", after).queryParam(filter, value)
                .get(FEED).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath page(String token, String after, int limit) {
        return given().auth().oauth2(token).queryParam("after", after).queryParam("limit", limit)
                .get(FEED).then().statusCode(200).extract().jsonPath();
    }
}
