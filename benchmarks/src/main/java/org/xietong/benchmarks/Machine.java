package org.xietong.benchmarks;

import org.xietong.devstack.process.ProcStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmarks say about the machine they ran on, and what they read of its processes from /proc. */
final class Machine {

    private Machine() {
    }

    /** A field of /proc/PID/status in kB (VmRSS, VmHWM); -1 once the process is gone. */
    static long statusKb(long pid, String field) {
        return ProcStatus.kilobytes(pid, field);
    }

    /** The JVM running Quarkus: the launched process itself unless a wrapper forked it. */
    static long quarkusPid(long launched) {
        return ProcStatus.running(launched, "QuarkusEntryPoint");
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.1f GB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "CPU unknown";
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The JDK running this benchmark, which the devstack also uses for every child JVM. */
    static String jdk() {
        return System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.vm.name", "JVM") + " "
                + Runtime.version();
    }

    /**
     * Milliseconds one thread takes to sort 8 million random ints (32 MB, far beyond the caches), the best of three
     * after one unmeasured pass. This machine is a virtual one whose host other machines share, and its speed drifts
     * by tens of percent within an hour; taken before and after a run, it shows how fast the machine was.
     */
    static long speedProbeMillis() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        int[] source = random.ints(8_000_000).toArray();
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 4; pass++) {
            int[] values = source.clone();
            long begin = System.nanoTime();
            java.util.Arrays.sort(values);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            best = pass == 0 ? best : Math.min(best, millis);
        }
        return best;
    }

    /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String debianVersion(String pkg) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", pkg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Samples a process's VmRSS every 50 ms while started. */
    static final class RssSampler {
        private final long pid;
        private final AtomicLong peak = new AtomicLong();
        private ScheduledExecutorService sampler;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            // A daemon, so that a measurement failing before stop() cannot keep the JVM alive.
            sampler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "rss-sampler");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(statusKb(pid, "VmRSS"), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        }

        long peakKb() {
            return peak.get();
        }
    }
}
