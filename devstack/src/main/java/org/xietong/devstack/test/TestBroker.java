package org.xietong.devstack.test;

import org.xietong.devstack.kafka.KafkaLauncher;
import org.xietong.devstack.kafka.RunningKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The test JVM's broker. Its whereabouts live in system properties because the test resource and the test class
 * are loaded by different class loaders and share no static state.
 */
public final class TestBroker {

    private static final String DIR = "xietong.test.kafka.dir";
    private static final String PORT = "xietong.test.kafka.port";
    private static final String CONTROLLER_PORT = "xietong.test.kafka.controller-port";
    private static final String PID = "xietong.test.kafka.pid";

    private TestBroker() {
    }

    static String startNew() {
        try {
            Path dir = Files.createTempDirectory("xietong-kafka");
            System.setProperty(DIR, dir.toString());
            System.setProperty(PORT, Integer.toString(FreePorts.next()));
            System.setProperty(CONTROLLER_PORT, Integer.toString(FreePorts.next()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start();
    }

    /** Starts the broker again on its data directory and ports; returns its bootstrap servers. */
    public static synchronized String start() {
        Path dir = Path.of(System.getProperty(DIR));
        try {
            RunningKafka kafka = KafkaLauncher.start(dir, Integer.getInteger(PORT), Integer.getInteger(CONTROLLER_PORT),
                    dir.resolve("kafka.log"), null);
            System.setProperty(PID, Long.toString(kafka.process().pid()));
            return kafka.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 30 s) and waits until it is gone. */
    public static synchronized void stop() {
        String pid = System.getProperty(PID);
        if (pid == null) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(broker -> {
            broker.destroy();
            try {
                broker.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                broker.destroyForcibly();
                broker.onExit().orTimeout(Duration.ofSeconds(10).toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
            }
        });
        System.clearProperty(PID);
    }
}
