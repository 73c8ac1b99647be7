package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.settlement.SettlementFixtures.officer;

/**
 * Hostile batches (issue 17, item 7): a batch's caps hold while it streams in, each refusal is a problem naming the
 * limit and the line, the heap stays bounded during the attack and other callers keep getting answers.
 */
@QuarkusTest
class SettlementBatchLimitsTest {

    private static final String OFFICER = officer("141100");
    private static final String HEADER = String.join(",", CsvBills.COLUMNS) + "\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the service may add to its heap for one hostile batch: a fraction of its 256 MB in the devstack. */
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

    @TestHTTPResource("/api/v1/healthcare/settlements/batch")
    URI batch;

    @TestHTTPResource("/api/v1/healthcare/settlement-policies/" + Fixtures.FENYANG)
    URI policy;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String person;

    @BeforeEach
    void seed() {
        SettlementFixtures.seed();
        person = "LIM-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String row(String billId, String item) {
        return billId + "," + person + ",141182,RESIDENT,,141182," + Fixtures.FENYANG_HOSPITAL
                + ",INPATIENT,LOCAL,2025-08-01,,," + item + ",10.00\n";
    }

    /** A body made as it is sent: {@code start}, then {@code repeated} {@code times} times, never held whole. */
    private static final class Generated extends InputStream {

        private final byte[] start;
        private final byte[] repeated;
        private final long total;
        private final long pauseAt;
        private final Runnable pause;
        private long sent;

        Generated(String start, String repeated, long times, long pauseAt, Runnable pause) {
            this.start = start.getBytes(StandardCharsets.UTF_8);
            this.repeated = repeated.getBytes(StandardCharsets.UTF_8);
            this.total = this.start.length + this.repeated.length * times;
            this.pauseAt = pauseAt;
            this.pause = pause;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= total) {
                return -1;
            }
            if (pause != null && sent >= pauseAt) {
                pause.run();
            }
            int n = (int) Math.min(len, total - sent);
            for (int i = 0; i < n; i++) {
                long at = sent + i;
                b[off + i] = at < start.length ? start[(int) at] : repeated[(int) ((at - start.length) % repeated.length)];
            }
            sent += n;
            return n;
        }
    }

    private HttpResponse<String> post(String contentType, InputStream body, boolean record) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(batch + (record ? "?record=true" : "")))
                .header("Authorization", "Bearer " + OFFICER).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The most live heap while {@code attack} runs, above what was live before it. The test's client runs in the
     * same JVM and makes garbage as fast as it sends, so the sampler collects before it reads: what it sees is
     * what the service holds (and the client's few buffers in flight).
     */
    private static long liveHeapGrowthDuring(Attack attack, HttpResponse<String>[] response) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                memory.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            response[0] = attack.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return peak.get() - before;
    }

    @FunctionalInterface
    private interface Attack {
        HttpResponse<String> run() throws Exception;
    }

    private static Map<String, Object> problem(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        return JSON.readValue(response.body(), new TypeReference<>() {
        });
    }

    @Test
    void aCsvOfTwoMillionRowsOfOneBillIsRefusedAtTheBillsFiveHundredFirstLineWithTheHeapBoundedAndOthersAnswered()
            throws Exception {
        // Halfway through the bill the generator waits for another caller's request: it must answer 2xx quickly.
        long[] otherMillis = {-1};
        int[] otherStatus = {0};
        Runnable otherCaller = () -> {
            if (otherStatus[0] != 0) {
                return;
            }
            long start = System.nanoTime();
            try {
                otherStatus[0] = http.send(HttpRequest.newBuilder(policy).header("Authorization", "Bearer " + OFFICER)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                otherStatus[0] = -1;
            }
            otherMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        };
        String row = row("ONE-BILL", "A001");
        InputStream rows = new Generated(HEADER, row, 2_000_000, HEADER.length() + 300L * row.length(), otherCaller);
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] response = new HttpResponse[1];
        long growth = liveHeapGrowthDuring(() -> post("text/csv", rows, true), response);

        assertEquals(413, response[0].statusCode(), response[0].body());
        Map<String, Object> problem = problem(response[0]);
        assertEquals("bill-lines", problem.get("limit"));
        assertEquals(500, problem.get("max"));
        assertEquals(502, problem.get("line"));
        assertEquals(0, problem.get("recorded"));
        assertTrue(growth < HEAP_GROWTH_BOUND, "live heap grew by " + growth / (1024 * 1024) + " MB");
        assertEquals(200, otherStatus[0]);
        assertTrue(otherMillis[0] < 3_000, "another caller waited " + otherMillis[0] + " ms");
    }

    @Test
    void aThreeHundredMegabyteLineIsRefusedWithoutBeingHeld() throws Exception {
        InputStream line = new Generated(HEADER, "x", 300L * 1024 * 1024, 0, null);
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] response = new HttpResponse[1];
        long growth = liveHeapGrowthDuring(() -> post("text/csv", line, false), response);

        assertEquals(413, response[0].statusCode(), response[0].body());
        Map<String, Object> problem = problem(response[0]);
        assertEquals("line-bytes", problem.get("limit"));
        assertEquals(65_536, problem.get("max"));
        assertEquals(2, problem.get("line"));
        assertTrue(growth < HEAP_GROWTH_BOUND, "live heap grew by " + growth / (1024 * 1024) + " MB");
    }

    /** An empty batch was answered 200 with an empty stream, though the contract requires a body (live conformance). */
    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/x-ndjson"})
    void anEmptyBatchIsRefused(String contentType) throws Exception {
        HttpResponse<String> response = post(contentType, InputStream.nullInputStream(), false);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(problem(response).get("type").toString().endsWith("/empty-batch"), response.body());
    }

    @Test
    void aJsonLineOverTheByteCapIsRefusedNamingItsLine() throws Exception {
        String bill = "{\"billId\":\"" + "x".repeat(70_000) + "\"}\n";
        HttpResponse<String> response = post("application/x-ndjson", new Generated("\n", bill, 1, 0, null), false);

        assertEquals(413, response.statusCode(), response.body());
        Map<String, Object> problem = problem(response);
        assertEquals("line-bytes", problem.get("limit"));
        assertEquals(2, problem.get("line"));
    }

    @Test
    void aBillOverItsCapAfterAnswersHaveStreamedEndsTheStreamWithTheProblemAsItsLastLine() throws Exception {
        String body = HEADER + row("GOOD", "A001") + row("LONG", "A001").repeat(501) + row("AFTER", "A001");
        HttpResponse<String> response = post("text/csv", new Generated(body, "", 0, 0, null), false);

        assertEquals(200, response.statusCode(), response.body());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(JSON.readValue(line, new TypeReference<>() {
            }));
        }
        assertEquals(List.of(200, 413), lines.stream().map(l -> l.get("status")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) lines.get(1).get("problem");
        assertEquals("bill-lines", problem.get("limit"));
        assertEquals(503, problem.get("line"));
        assertEquals(1, problem.get("answered"));
    }

    @Test
    void aRecordedBatchRefusedByACapRecordsNoneOfTheBillsItHadReadButNotAnswered() throws Exception {
        String body = HEADER + row("FIRST", "A001") + row("LONG", "A001").repeat(501);
        HttpResponse<String> response = post("text/csv", new Generated(body, "", 0, 0, null), true);

        assertEquals(413, response.statusCode(), response.body());
        Map<String, Object> problem = problem(response);
        assertEquals("bill-lines", problem.get("limit"));
        assertEquals(0, problem.get("recorded"));
        long recorded = QuarkusTransaction.requiringNew().call(() -> SettlementRecord.count("personId", person));
        assertEquals(0, recorded);
    }

    @Test
    void aBodyOverTenMegabytesToAnyOtherOperationIsRefusedBeforeItIsRead() throws Exception {
        URI quote = URI.create(batch.toString().replace("/batch", "/quote"));
        String bill = "{\"billId\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(quote)
                .header("Authorization", "Bearer " + OFFICER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bill)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("body-bytes", problem(response).get("limit"));
    }
}
