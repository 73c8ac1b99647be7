package org.xietong.rotation.school;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.contracts.pairing.SchoolRemoved;
import org.xietong.contracts.pairing.SchoolUpdated;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.time.Duration;
import java.util.List;
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
                        .body("items.findAll { it.code == '2150070001' }.name", contains("呼伦贝尔市第一中学")));
        given().auth().oauth2(HULUNBUIR).queryParam("entity", "school").queryParam("id", "2150070001")
                .get("/api/v1/rotation/audit").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anUpdatedSchoolIsUpdatedInTheReplica() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(UUID.randomUUID().toString(), SchoolRegistered.TYPE, "2150070002",
                    "{\"code\":\"2150070002\",\"name\":\"扎兰屯市第一中学\",\"regionCode\":\"150783\"}")).get();
            producer.send(event(UUID.randomUUID().toString(), SchoolUpdated.TYPE, "2150070002",
                    "{\"code\":\"2150070002\",\"name\":\"扎兰屯市第一中学（新址）\",\"regionCode\":\"150783\"}")).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(HULUNBUIR).get("/api/v1/rotation/schools")
                        .then().statusCode(200).body("items.name", hasItem("扎兰屯市第一中学（新址）")));
        given().auth().oauth2(HULUNBUIR).queryParam("entity", "school").queryParam("id", "2150070002")
                .get("/api/v1/rotation/audit").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].actor", equalTo("rotation.school-replica"));
    }

    @Test
    void aRemovedSchoolLeavesTheReplica() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(UUID.randomUUID().toString(), SchoolRegistered.TYPE, "2150070003",
                    "{\"code\":\"2150070003\",\"name\":\"撤并学校\",\"regionCode\":\"150702\"}")).get();
            producer.send(event(UUID.randomUUID().toString(), SchoolRemoved.TYPE, "2150070003",
                    "{\"code\":\"2150070003\",\"regionCode\":\"150702\"}")).get();
            producer.send(event(UUID.randomUUID().toString(), SchoolRegistered.TYPE, "2150070004",
                    "{\"code\":\"2150070004\",\"name\":\"后来的学校\",\"regionCode\":\"150702\"}")).get();
        }
        // One partition per key; the later school's arrival shows the replica is caught up past the removal.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(HULUNBUIR).get("/api/v1/rotation/schools?size=200")
                        .then().statusCode(200).body("items.code", hasItem("2150070004")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(HULUNBUIR).get("/api/v1/rotation/schools?size=200")
                        .then().statusCode(200).body("items.code", not(hasItem("2150070003"))));
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

    @Test
    void unreadableEventsGoToTheDeadLetterTopic() throws Exception {
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(event(id, SchoolRegistered.TYPE, "2150070009", "{not json")).get();
        }
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-observer-" + id,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("xietong.rotation.dlq"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if ("2150070009".equals(record.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private static ProducerRecord<String, String> event(String id, String type, String key, String body) {
        return PairingEvents.record(id, type, key, body);
    }

    private static KafkaProducer<String, String> producer() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer());
    }
}
