package org.xietong.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.xietong.devstack.kafka.KafkaLauncher;
import org.xietong.devstack.kafka.RunningKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real single-node KRaft broker for a service's Quarkus tests, from the devstack's launcher. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private RunningKafka kafka;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("xietong-kafka");
            kafka = KafkaLauncher.start(dir, FreePorts.next(), FreePorts.next(), dir.resolve("kafka.log"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
