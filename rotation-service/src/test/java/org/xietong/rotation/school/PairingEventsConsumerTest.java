package org.xietong.rotation.school;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.xietong.contracts.Topics;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PairingEventsConsumerTest {

    private static final String HULUNBUIR = TestTokens.user("edu-hulunbuir", "education-officer").region("150700").sign();

    @Test
    void aRegisteredSchoolAppearsInTheReplicaOnceEvenWhenRedelivered() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String body = "{\"code\":\"2150070001\",\"name\":\"呼伦贝尔市第一中学\",\"regionCode\":\"150702\"}";
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(eventId, SchoolRegistered.TYPE, "2150070001", body)).get();
            producer.send(event(eventId, SchoolRegistered.TYPE, "2150070001", body)).get();
            producer.send(event(UUID.randomUUID().toString(), "org.xietong.pairing.some.other.v1", "x", "{}")).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(HULUNBUIR).get("/api/v1/rotation/schools")
                        .then().statusCode(200)
                        .body("items.code", contains("2150070001"))
                        .body("items[0].name", equalTo("呼伦贝尔市第一中学"))
                        .body("total", equalTo(1)));
    }

    @Test
    void theReplicaIsScopedByRegion() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(UUID.randomUUID().toString(), SchoolRegistered.TYPE, "1111010590",
                    "{\"code\":\"1111010590\",\"name\":\"朝阳区测试学校\",\"regionCode\":\"110105\"}")).get();
        }
        String admin = TestTokens.user("admin", "platform-admin").sign();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/api/v1/rotation/schools")
                        .then().statusCode(200).body("items.code", hasItem("1111010590")));
        given().auth().oauth2(HULUNBUIR).get("/api/v1/rotation/schools")
                .then().statusCode(200).body("items.code", not(hasItem("1111010590")));
        given().get("/api/v1/rotation/schools").then().statusCode(401).contentType("application/problem+json");
    }

    private static ProducerRecord<String, String> event(String id, String type, String key, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAIRING_EVENTS, key, body);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/xietong/pairing".getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer());
    }
}
