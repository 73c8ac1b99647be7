package org.xietong.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xietong.devstack.kafka.KafkaLauncher;
import org.xietong.devstack.kafka.RunningKafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaLauncherTest {

    @Test
    void theBrokersListenersAreOnLoopbackAlone() {
        String properties = KafkaLauncher.serverProperties(Path.of("/logs"), 19092, 19093);
        assertTrue(properties.contains("\nlisteners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093\n"), properties);
        assertTrue(properties.contains("\nadvertised.listeners=PLAINTEXT://127.0.0.1:19092\n"), properties);
        assertFalse(properties.contains("0.0.0.0"), properties);
    }

    @Test
    void brokerKeepsItsLogAcrossARestartAndStopsItsProcess(@TempDir Path dir) throws Exception {
        int port = PostgresLauncherTest.freePort();
        int controller = PostgresLauncherTest.freePort();
        long pid;
        try (RunningKafka kafka = KafkaLauncher.start(dir, port, controller, dir.resolve("kafka.log"), null)) {
            pid = kafka.process().pid();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("devstack.check", "110105", "朝阳区")).get();
            }
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker process stopped");

        try (RunningKafka kafka = KafkaLauncher.start(dir, port, controller, dir.resolve("kafka.log"), null);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "check",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("devstack.check"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertEquals(1, seen.size());
            assertEquals("朝阳区", seen.get(0).value());
        }
    }
}
