package org.xietong.devstack;

import org.xietong.devstack.process.ChildProcess;

import java.util.function.Consumer;

/** Watches the running applications and says so, with the log to read, when one exits on its own. */
final class Supervisor extends Thread {

    private final DevStack stack;
    private final Consumer<String> say;

    Supervisor(DevStack stack, Consumer<String> say) {
        super("devstack-supervisor");
        setDaemon(true);
        this.stack = stack;
        this.say = say;
    }

    @Override
    public void run() {
        java.util.Set<String> reported = new java.util.HashSet<>();
        while (!isInterrupted()) {
            check(stack.kafka().process(), reported);
            check(stack.keycloak().process(), reported);
            for (SuiteService service : SuiteService.values()) {
                check(stack.app(service), reported);
            }
            Readiness.pause(2000);
        }
    }

    private void check(ChildProcess process, java.util.Set<String> reported) {
        if (process != null && !process.isAlive() && !stack.isClosed() && reported.add(process.name())) {
            say.accept("!! " + process.name() + " exited (code " + process.exitCode() + "); see " + process.logFile());
        }
    }
}
