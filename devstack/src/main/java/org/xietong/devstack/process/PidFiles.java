package org.xietong.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pid files under one directory. A pid file holds the pid and the process start time, so a recycled pid is never
 * mistaken for a process we started.
 */
public final class PidFiles {

    private final Path directory;

    public PidFiles(Path directory) {
        this.directory = directory;
    }

    void record(String name, ProcessHandle handle) throws IOException {
        Files.createDirectories(directory);
        String start = handle.info().startInstant().map(Instant::toString).orElse("");
        Files.writeString(directory.resolve(name + ".pid"), handle.pid() + " " + start + "\n", StandardCharsets.UTF_8);
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(directory.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops processes left by an earlier run that was killed before it could stop them; returns their names. */
    public List<String> reapStale() throws IOException {
        List<String> reaped = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return reaped;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                recorded(file).ifPresent(handle -> {
                    terminate(handle, Duration.ofSeconds(20));
                    reaped.add(name);
                });
                Files.deleteIfExists(file);
            }
        }
        return reaped;
    }

    private static Optional<ProcessHandle> recorded(Path file) throws IOException {
        String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        String start = parts[1];
        return ProcessHandle.of(Long.parseLong(parts[0]))
                .filter(h -> h.info().startInstant().map(Instant::toString).map(start::equals).orElse(false));
    }

    /** SIGTERM to the process and its descendants, then SIGKILL for whatever is still alive after the grace period. */
    static void terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(0, handle);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
