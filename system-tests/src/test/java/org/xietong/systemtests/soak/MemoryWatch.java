package org.xietong.systemtests.soak;

import org.xietong.devstack.process.ProcStatus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the suite's JVMs while the soak runs: resident set (VmRSS from /proc) and heap used (Micrometer's
 * {@code jvm_memory_used_bytes{area="heap"}} from the application's own /q/metrics), sampled at a fixed interval.
 * Heap used saw-tooths with every collection, so growth is judged at {@linkplain #mark marks} instead: a mark forces
 * a full collection in each JVM (jcmd GC.run) and reads it right after, when the heap holds only what the
 * application keeps and has been resized by the same policy at every mark, so RSS compares like with like too.
 */
public final class MemoryWatch implements AutoCloseable {

    /** A JVM to watch: its pid and the base URL its /q/metrics answers on. */
    public record Watched(String name, long pid, String baseUrl) {
    }

    /** Memory of one JVM at one moment, in bytes. */
    public record Reading(long rss, long heapUsed) {
    }

    /** Readings of every watched JVM at one moment, seconds after the watch started. */
    public record Row(String label, double seconds, Map<String, Reading> readings) {
    }

    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+(\\S+)", Pattern.MULTILINE);
    private static final double MB = 1024 * 1024;

    private final List<Watched> watched;
    private final Path jcmd;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final List<Row> series = new ArrayList<>();
    private final Map<String, Row> marks = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long started;

    public MemoryWatch(List<Watched> watched, Path jcmd) {
        this.watched = List.copyOf(watched);
        this.jcmd = jcmd;
    }

    /** Reads every JVM once now, before any load, then every {@code interval}. */
    public void start(Duration interval) {
        started = System.nanoTime();
        sample();
        sampler.scheduleAtFixedRate(this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        double seconds = secondsSinceStart();
        Map<String, Reading> readings = new LinkedHashMap<>();
        watched.forEach(jvm -> readings.put(jvm.name(), read(jvm)));
        synchronized (this) {
            series.add(new Row("sample", seconds, readings));
        }
    }

    /**
     * Forces a full collection in each watched JVM and reads its memory right after, under {@code label}: the heap
     * left is what the application holds on to.
     */
    public Row mark(String label) throws IOException, InterruptedException {
        double seconds = secondsSinceStart();
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Watched jvm : watched) {
            fullCollection(jvm);
            readings.put(jvm.name(), read(jvm));
        }
        Row row = new Row(label, seconds, readings);
        synchronized (this) {
            marks.put(label, row);
        }
        return row;
    }

    private double secondsSinceStart() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void fullCollection(Watched jvm) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "GC.run")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                || !output.contains("Command executed successfully")) {
            throw new IOException("jcmd " + jvm.pid() + " GC.run (" + jvm.name() + ") failed: " + output.strip());
        }
    }

    private Reading read(Watched jvm) {
        return new Reading(ProcStatus.kilobytes(jvm.pid(), "VmRSS") * 1024, heapUsed(jvm));
    }

    /**
     * Heap used over all heap pools; -1 when the metrics cannot be read. A loaded machine may keep a scrape waiting
     * for a while, hence the patience and a second try.
     */
    private long heapUsed(Watched jvm) {
        String failure = "";
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                // The future's own deadline: the client's request timeout was once seen not to end a stuck scrape.
                HttpResponse<String> metrics = http.sendAsync(HttpRequest.newBuilder(
                                URI.create(jvm.baseUrl() + "/q/metrics")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()).get(35, TimeUnit.SECONDS);
                Matcher matcher = HEAP_USED.matcher(metrics.body());
                double sum = 0;
                boolean found = false;
                while (matcher.find()) {
                    sum += Double.parseDouble(matcher.group(1));
                    found = true;
                }
                if (metrics.statusCode() == 200 && found) {
                    return (long) sum;
                }
                failure = "status " + metrics.statusCode() + ", heap " + (found ? "found" : "not found");
            } catch (ExecutionException | TimeoutException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        synchronized (this) {
            problems.add(String.format(Locale.ROOT, "%.0f s: %s metrics unreadable: %s", secondsSinceStart(), jvm.name(), failure));
        }
        return -1;
    }

    /** The most heap {@code jvm} used in any sample so far, in bytes; -1 when none could be read. */
    public synchronized long peakHeap(String jvm) {
        return series.stream().mapToLong(row -> row.readings().get(jvm).heapUsed()).max().orElse(-1);
    }

    /** Why a heap reading is missing, if one is. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The sampled series, one line per sample: RSS and heap used of each JVM in MB. */
    public synchronized String seriesTable() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s", "t (s)"));
        watched.forEach(jvm -> out.append(String.format(Locale.ROOT, " %18s", jvm.name())));
        out.append('\n');
        for (Row row : series) {
            out.append(line(String.format(Locale.ROOT, "%6.0f", row.seconds()), row));
        }
        marks.values().forEach(row -> out.append(line(String.format(Locale.ROOT, "%6.0f %s", row.seconds(), row.label()), row)));
        return out.toString();
    }

    private String line(String head, Row row) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s", head));
        watched.forEach(jvm -> {
            Reading r = row.readings().get(jvm.name());
            String heap = r.heapUsed() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", r.heapUsed() / MB);
            out.append(String.format(Locale.ROOT, " %8.1f / %7s", r.rss() / MB, heap));
        });
        return out.append('\n').toString();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
