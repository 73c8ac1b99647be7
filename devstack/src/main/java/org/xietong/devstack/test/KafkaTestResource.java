package org.xietong.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real single-node KRaft broker for a service's Quarkus tests, from the devstack's launcher. Tests can stop and
 * restart it through {@link TestBroker} to prove that nothing is lost while Kafka is away.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestBroker.startNew());
    }

    @Override
    public void stop() {
        TestBroker.stop();
    }
}
