package org.xietong.devstack.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.xietong.devstack.BuildInfo;
import org.xietong.devstack.Readiness;
import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.OrphanGuard;
import org.xietong.devstack.process.PidFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka KRaft broker (combined broker and controller) in a child JVM, from the kafka_2.13 artifact
 * at the version of the Quarkus BOM's kafka-clients. The log directory is kept, so topics and offsets survive a
 * restart.
 */
public final class KafkaLauncher {

    private KafkaLauncher() {
    }

    public static RunningKafka start(Path dataDirectory, int port, int controllerPort, Path logFile, PidFiles pidFiles)
            throws IOException {
        Files.createDirectories(dataDirectory);
        Path config = dataDirectory.resolve("server.properties");
        Files.writeString(config, serverProperties(dataDirectory.resolve("logs"), port, controllerPort),
                StandardCharsets.UTF_8);
        if (!Files.exists(dataDirectory.resolve("logs/meta.properties"))) {
            format(config, dataDirectory, logFile);
        }
        ChildProcess broker = ChildProcess.start("kafka",
                javaCommand("-Xms128m", "-Xmx512m", "kafka.Kafka", config.toString()),
                Map.of(), dataDirectory, logFile, pidFiles);
        RunningKafka kafka = new RunningKafka(broker, "127.0.0.1:" + port);
        try {
            Readiness.awaitPort(port, Duration.ofSeconds(90), broker::checkAlive);
            awaitReady(kafka, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** The broker's configuration; both its listeners are on loopback alone. */
    public static String serverProperties(Path logDirectory, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static void format(Path config, Path workDir, Path logFile) throws IOException {
        // Kafka's own ids never start with '-', which the formatter would read as an option.
        String clusterId = Uuid.randomUuid().toString();
        ChildProcess formatter = ChildProcess.start("kafka-format",
                javaCommand("-Xmx256m", "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                Map.of(), workDir, logFile, null);
        try {
            if (!formatter.waitFor(Duration.ofMinutes(2)) || formatter.exitCode() != 0) {
                formatter.checkAlive();
                throw new IllegalStateException("formatting the Kafka log directory failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<String> javaCommand(String... jvmAndMain) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        int main = 0;
        while (jvmAndMain[main].startsWith("-")) {
            command.add(jvmAndMain[main++]);
        }
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(BuildInfo.childClasspath());
        command.add(OrphanGuard.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.addAll(List.of(jvmAndMain).subList(main, jvmAndMain.length));
        return command;
    }

    private static void awaitReady(RunningKafka kafka, Duration timeout) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                kafka.process().checkAlive();
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka not ready after " + timeout + "; see " + kafka.process().logFile(), notYet);
                    }
                }
                Readiness.pause(250);
            }
        }
    }
}
