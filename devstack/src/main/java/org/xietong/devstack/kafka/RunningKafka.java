package org.xietong.devstack.kafka;

import org.xietong.devstack.process.ChildProcess;

import java.time.Duration;

public final class RunningKafka implements AutoCloseable {

    private final ChildProcess process;
    private final String bootstrapServers;

    RunningKafka(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
