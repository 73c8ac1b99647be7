package org.xietong.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A supervised child process: output goes to a log file, its pid to a pid file (so a later run can reap it if this
 * JVM was killed), and stopping sends SIGTERM to it first and only then to whatever it left behind.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final PidFiles pidFiles;

    private ChildProcess(String name, Process process, Path logFile, PidFiles pidFiles) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFiles = pidFiles;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workDir, Path logFile, PidFiles pidFiles) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (pidFiles != null) {
            pidFiles.record(name, process.toHandle());
        }
        return new ChildProcess(name, process, logFile, pidFiles);
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group. Children get a session of their own, so
     * only the supervisor hears it and stops them in order.
     */
    private static List<String> inOwnSession(List<String> command) {
        for (String setsid : new String[]{"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(setsid))) {
                List<String> wrapped = new java.util.ArrayList<>(command.size() + 1);
                wrapped.add(setsid);
                wrapped.addAll(command);
                return wrapped;
            }
        }
        return command;
    }

    /** The path of the running JVM's java binary, so children use the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    /** Fails with the tail of the log if the process has already exited. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; last log lines:\n"
                    + LogTail.of(logFile, 30));
        }
    }

    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            PidFiles.terminate(child, grace);
        }
        if (pidFiles != null) {
            pidFiles.forget(name);
        }
    }

    /**
     * SIGKILL to the process (and then to whatever it started), without the SIGTERM that would let it shut down;
     * waits until it is gone and returns its exit code.
     */
    public int kill(Duration timeout) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still runs " + timeout.toSeconds() + " s after SIGKILL");
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (pidFiles != null) {
            pidFiles.forget(name);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
