package org.xietong.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux's /proc tells about a process the devstack started: its memory, and the JVM behind a launcher. */
public final class ProcStatus {

    private ProcStatus() {
    }

    /** A kB field of /proc/PID/status ({@code VmRSS}, {@code VmHWM} …); -1 once the process is gone. */
    public static long kilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return -1;
    }

    /**
     * The process whose command line names {@code mainClass}: the launched process itself, unless a wrapper (setsid
     * when the launcher leads its process group) forked it; the launched process when none does.
     */
    public static long running(long launched, String mainClass) {
        return Stream.concat(Stream.of(launched), ProcessHandle.of(launched).stream().flatMap(ProcessHandle::descendants)
                        .map(ProcessHandle::pid))
                .filter(pid -> {
                    try {
                        return Files.readString(Path.of("/proc/" + pid + "/cmdline")).contains(mainClass);
                    } catch (IOException e) {
                        return false;
                    }
                })
                .findFirst().orElse(launched);
    }
}
