package org.xietong.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Last among the system tests (classes are ordered, see junit-platform.properties): stops the shared stack. */
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE)
class StackShutdownIT {

    @Test
    void stoppingTheSuiteLeavesNoProcessBehind(SharedStack.Suite suite) {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        assertFalse(children.isEmpty(), "the suite runs as child processes");
        suite.stack().close();
        await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertFalse(Files.exists(suite.config().home().resolve("postgres/postmaster.pid")), "PostgreSQL stopped");
    }
}
