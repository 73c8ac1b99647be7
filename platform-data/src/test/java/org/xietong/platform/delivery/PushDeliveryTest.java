package org.xietong.platform.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.devstack.test.WebhookReceiver;
import org.xietong.platform.events.testapp.Ledger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Push subscriptions against a real receiver on loopback; the test app's retry window is 8 seconds. */
@QuarkusTest
class PushDeliveryTest {

    private static final String SUBSCRIPTIONS = "/api/v1/test/exchange/subscriptions";
    // Regions of Hulunbuir only this test writes to: 牙克石 (150782), 扎兰屯 (150783), 根河 (150785).
    private static final String YAKESHI = "150782";
    private static final String ZHALANTUN = "150783";
    private static final String GENHE = "150785";

    @Inject
    Ledger ledger;

    private final String partner = TestTokens.demoPartner("partner-150000").sign();

    @Test
    void aSubscriberReceivesItsRegionsEventsSignedAndInOrder() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath created = given().auth().oauth2(partner).contentType(ContentType.JSON)
                    .body(Map.of("endpoint", receiver.url(), "types", List.of("org.xietong.test.*"),
                            "regions", List.of(YAKESHI), "description", "牙克石 台账"))
                    .post(SUBSCRIPTIONS)
                    .then().statusCode(201).header("Location", startsWith("http"))
                    .extract().jsonPath();
            receiver.secrets(created.getString("secret"));
            assertTrue(created.getString("secret").startsWith("whsec_"));
            String id = created.getString("subscription.id");

            UUID entry = ledger.record(YAKESHI, "一");
            ledger.record(ZHALANTUN, "not subscribed");
            UUID other = ledger.record(YAKESHI, "另一");
            ledger.amend(entry, YAKESHI, "二");
            ledger.amend(entry, YAKESHI, "三");

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.applied().size() >= 4);
            assertEquals(Map.of(entry.toString(), List.of("一", "二", "三"), other.toString(), List.of("另一")),
                    notesBySubject(receiver), "every event, each subject's in order");
            assertEquals(Ledger.RECORDED, receiver.applied().get(0).type());

            JsonPath log = deliveries(id, "DELIVERED");
            assertEquals(4, log.getInt("total"));
            assertEquals(List.of(204, 204, 204, 204), log.getList("items.lastStatus"));
            given().auth().oauth2(partner).get(SUBSCRIPTIONS + "/" + id)
                    .then().statusCode(200).body("secret", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void aReceiverThatWasDownGetsEveryEventInOrderOnceBack() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(receiver, GENHE);
            receiver.down();
            UUID first = ledger.record(GENHE, "停机中 0");
            UUID second = ledger.record(GENHE, "停机中 1");
            for (int i = 2; i < 5; i++) {
                ledger.amend(i % 2 == 0 ? first : second, GENHE, "停机中 " + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> subscription(id).getString("failingSince") != null);
            receiver.up();

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.applied().size() >= 5);
            assertEquals(Map.of(first.toString(), List.of("停机中 0", "停机中 2", "停机中 4"),
                    second.toString(), List.of("停机中 1", "停机中 3")), notesBySubject(receiver));
            JsonPath log = deliveries(id, "DELIVERED");
            int firstAttempts = log.getInt("items[4].attempts");
            assertTrue(firstAttempts > 1, "the first event was retried: " + firstAttempts);
            assertEquals(null, subscription(id).getString("failingSince"));
        }
    }

    @Test
    void aReceiverFailingForeverEndsDeadLetteredAndIsReplayedOnceMended() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(receiver, ZHALANTUN);
            receiver.failing(true);
            UUID first = ledger.record(ZHALANTUN, "坏一");
            ledger.amend(first, ZHALANTUN, "坏二");

            await().atMost(Duration.ofSeconds(40)).until(() -> subscription(id).getLong("deadLetters") == 2);
            JsonPath dead = deliveries(id, "DEAD");
            assertEquals(List.of(first.toString(), first.toString()), dead.getList("items.subject"));
            assertEquals(500, dead.getInt("items[1].lastStatus"));
            assertTrue(dead.getInt("items[1].attempts") > 2, "retried before dead-lettering");
            assertTrue(receiver.applied().isEmpty());

            receiver.failing(false);
            given().auth().oauth2(partner).contentType(ContentType.JSON).body("{}")
                    .post(SUBSCRIPTIONS + "/" + id + "/replay").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.applied().size() >= 2);
            assertEquals(Map.of(first.toString(), List.of("坏一", "坏二")), notesBySubject(receiver),
                    "the dead letters, replayed in order");
            assertEquals(0, subscription(id).getLong("deadLetters"));
        }
    }

    @Test
    void aRotatedSecretStillSignsBesideTheOldOneForAWhile() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(receiver, YAKESHI);
            String rotated = given().auth().oauth2(partner).post(SUBSCRIPTIONS + "/" + id + "/secret")
                    .then().statusCode(200).extract().path("secret");
            // The receiver still knows only the old secret: the old signature beside the new one is accepted.
            UUID event = ledger.record(YAKESHI, "换钥");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.applied().stream()
                    .anyMatch(a -> a.subject().equals(event.toString())));
            receiver.secrets(rotated);
            UUID next = ledger.record(YAKESHI, "新钥");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.applied().stream()
                    .anyMatch(a -> a.subject().equals(next.toString())));
            assertEquals(0, receiver.refusedSignatures());
        }
    }

    @Test
    void anotherCallersSubscriptionIsNotFound() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = subscribe(receiver, YAKESHI);
            String officer = TestTokens.user("edu-hulunbuir", "education-officer").region("150700").sign();
            given().auth().oauth2(officer).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
            given().auth().oauth2(officer).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
            given().auth().oauth2(officer).contentType(ContentType.JSON).body("{}")
                    .post(SUBSCRIPTIONS + "/" + id + "/replay").then().statusCode(404);
            given().auth().oauth2(officer).get(SUBSCRIPTIONS)
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
        }
    }

    @Test
    void aRegionOutsideTheCallersIsRefused() {
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "http://127.0.0.1:9/webhooks", "regions", List.of("110105")))
                .post(SUBSCRIPTIONS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("region-out-of-scope"));
    }

    @Test
    void anEndpointOnAPrivateAddressIsRefused() {
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "https://169.254.169.254/latest/meta-data"))
                .post(SUBSCRIPTIONS)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void plainHttpBeyondLoopbackIsRefused() {
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "http://ybj.cq.gov.cn/hook"))
                .post(SUBSCRIPTIONS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** The notes the receiver applied, by subject, each subject's in arrival order. */
    private static Map<String, List<String>> notesBySubject(WebhookReceiver receiver) {
        Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        for (WebhookReceiver.Applied applied : receiver.applied()) {
            notes.computeIfAbsent(applied.subject(), s -> new java.util.ArrayList<>())
                    .add(applied.event().path("data").path("note").asText());
        }
        return notes;
    }

    private String subscribe(WebhookReceiver receiver, String region) {
        JsonPath created = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("endpoint", receiver.url(), "regions", List.of(region)))
                .post(SUBSCRIPTIONS).then().statusCode(201).extract().jsonPath();
        receiver.secrets(created.getString("secret"));
        return created.getString("subscription.id");
    }

    private JsonPath subscription(String id) {
        return given().auth().oauth2(partner).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath deliveries(String id, String state) {
        return given().auth().oauth2(partner).queryParam("state", state).get(SUBSCRIPTIONS + "/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }
}
