package org.xietong.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DemoAccounts;
import org.xietong.devstack.test.WebhookReceiver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner province's push subscriptions through the gateway, with real receivers on loopback (the README's example
 * receiver): one stays up, one stops accepting for two minutes while events flow and then comes back, one answers
 * 500 until its events are dead-lettered (the stack's retry window is 150 seconds here, a day in production) and is
 * replayed once mended. Every event reaches the first two, each webhook-id applied once, each school's events in
 * order; the healthy receiver's latency is printed beside the others' trouble.
 */
@ExtendWith(SharedStack.class)
@Order(43)
class PushDeliveryIT {

    private static final String SUBSCRIPTIONS = "/api/v1/pairing/exchange/subscriptions";
    /** How long the receiver stays down; below the stack's retry window, so nothing is dead-lettered. */
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("xietong.push.outage-seconds", 120));
    // 海拉尔区 for the flowing events, 满洲里市 for the receiver that fails forever: codes only this test registers.
    private static final String HAILAR = "150702";
    private static final String MANZHOULI = "150781";
    /** What each school's registration and change publish, in order. */
    private static final List<String> BOTH = List.of("org.xietong.pairing.school.registered.v1",
            "org.xietong.pairing.school.updated.v1");

    @Test
    void everyEventReachesTheReceiversInOrderThroughAnOutageAndADeadLetterReplay(SharedStack.Suite suite) throws Exception {
        String gateway = suite.gateway();
        String officer = suite.tokens().passwordGrant("edu-hulunbuir", "edu-hulunbuir");
        DemoAccounts.Partner innerMongolia = DemoAccounts.read(suite.config().realmFile()).partners().stream()
                .filter(p -> p.clientId().equals("partner-150000")).findFirst().orElseThrow();
        String partner = suite.tokens().clientCredentials(innerMongolia.clientId(), innerMongolia.secret());

        try (WebhookReceiver steady = WebhookReceiver.start(); WebhookReceiver outage = WebhookReceiver.start();
             WebhookReceiver broken = WebhookReceiver.start()) {
            String steadySecret = subscribe(gateway, partner, steady, HAILAR).getString("secret");
            subscribe(gateway, partner, outage, HAILAR);
            String brokenId = subscribe(gateway, partner, broken, MANZHOULI).getString("subscription.id");
            outage.down();
            broken.failing(true);

            Map<String, List<String>> brokenExpected = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                brokenExpected.put(school(gateway, officer, MANZHOULI, "21507819" + String.format("%02d", i)), BOTH);
            }
            Map<String, List<String>> expected = new LinkedHashMap<>();
            Instant outageEnds = Instant.now().plus(OUTAGE);
            int n = 0;
            while (Instant.now().isBefore(outageEnds)) {
                String code = "21507029" + String.format("%02d", n++);
                school(gateway, officer, HAILAR, code);
                expected.put(code, BOTH);
                Thread.sleep(Math.min(2_000, Math.max(0, Duration.between(Instant.now(), outageEnds).toMillis())));
                if (n == 99) {
                    break;
                }
            }
            assertTrue(outage.applied().isEmpty(), "nothing arrives while the receiver is down");
            outage.up();

            int events = expected.size() * 2;
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outage.applied().size() >= events && steady.applied().size() >= events);
            for (WebhookReceiver receiver : List.of(steady, outage)) {
                assertEquals(events, receiver.applied().size(), "each webhook-id applied once");
                assertEquals(expected, bySubject(receiver), "every event, each school's in order");
                assertEquals(0, receiver.refusedSignatures());
            }
            System.out.printf("push delivery: %d events through a %d s outage; steady receiver latency p50 %d ms, "
                            + "p99 %d ms, max %d ms; the recovered receiver got %d deliveries again (at least once)%n",
                    events, OUTAGE.toSeconds(), percentile(steady, 50), percentile(steady, 99), percentile(steady, 100),
                    outage.duplicates());
            assertTrue(percentile(steady, 99) < 5_000, "the healthy receiver kept pace while the others failed");

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> as(partner).get(gateway + SUBSCRIPTIONS + "/" + brokenId).then().statusCode(200)
                            .extract().jsonPath().getLong("deadLetters") == brokenExpected.size() * 2L);
            JsonPath dead = as(partner).queryParam("state", "DEAD").get(gateway + SUBSCRIPTIONS + "/" + brokenId
                    + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertTrue(dead.getList("items.lastStatus").stream().allMatch(s -> Integer.valueOf(500).equals(s)));
            assertTrue(broken.applied().isEmpty());
            broken.failing(false);
            as(partner).contentType(ContentType.JSON).body("{}").post(gateway + SUBSCRIPTIONS + "/" + brokenId + "/replay")
                    .then().statusCode(200);
            await().atMost(Duration.ofMinutes(1)).until(() -> broken.applied().size() >= brokenExpected.size() * 2);
            assertEquals(brokenExpected, bySubject(broken), "the dead letters, replayed in order");

            int applied = steady.applied().size();
            assertEquals(401, forged(steady, "whsec_bm90IHRoZSBzdWJzY3JpcHRpb24ncyBzZWNyZXQh", Instant.now()),
                    "signed with another secret");
            assertEquals(401, forged(steady, steadySecret, Instant.now().minus(Duration.ofMinutes(10))),
                    "well signed, ten minutes old");
            assertEquals(applied, steady.applied().size(), "neither was applied");
        }
    }

    /** The new subscription and its secret, which the receiver is given. */
    private static JsonPath subscribe(String gateway, String partner, WebhookReceiver receiver, String region) {
        JsonPath created = as(partner).contentType(ContentType.JSON)
                .body(Map.of("endpoint", receiver.url(), "types", List.of("org.xietong.pairing.school.*"),
                        "regions", List.of(region), "description", "推送 " + region))
                .post(gateway + SUBSCRIPTIONS).then().statusCode(201).extract().jsonPath();
        receiver.secrets(created.getString("secret"));
        return created;
    }

    /** Registers a school and changes it: two events about one subject, in that order. */
    private static String school(String gateway, String officer, String region, String code) {
        String etag = as(officer).contentType(ContentType.JSON)
                .body(Map.of("code", code, "regionCode", region, "name", "推送测试学校 " + code, "locationType", "URBAN",
                        "level", "PRIMARY"))
                .post(gateway + "/api/v1/pairing/schools").then().statusCode(201).extract().header("ETag");
        as(officer).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "推送测试学校（更名）" + code, "locationType", "RURAL", "level", "PRIMARY"))
                .put(gateway + "/api/v1/pairing/schools/" + code).then().statusCode(200);
        return code;
    }

    private static Map<String, List<String>> bySubject(WebhookReceiver receiver) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        for (WebhookReceiver.Applied applied : receiver.applied()) {
            types.computeIfAbsent(applied.subject(), s -> new ArrayList<>()).add(applied.type());
        }
        return types;
    }

    private static long percentile(WebhookReceiver receiver, int p) {
        List<Long> millis = receiver.applied().stream()
                .map(a -> Duration.between(a.time(), a.arrived()).toMillis()).sorted().toList();
        return millis.get(Math.max(0, (int) Math.ceil(p / 100.0 * millis.size()) - 1));
    }

    /** A delivery the example receiver must refuse: signed with a secret it does not hold, or too long ago. */
    private static int forged(WebhookReceiver receiver, String secret, Instant at) throws Exception {
        byte[] body = "{\"type\":\"org.xietong.pairing.school.registered.v1\",\"subject\":\"2150702999\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String timestamp = Long.toString(at.getEpochSecond());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("webhook-id", "forged-1").header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookReceiver.signature(secret, "forged-1", timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
