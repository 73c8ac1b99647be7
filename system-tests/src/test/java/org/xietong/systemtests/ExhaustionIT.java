package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.ProcStatus;
import org.xietong.systemtests.soak.MemoryWatch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the suite's resources through the gateway (issue 17): a settlement batch of two million rows of one
 * bill, a 300 MB line, an outreach schedule to 2060 or 9999, a school import of 100,000 rows, and two hundred uploads
 * trickling a byte a second. Each is refused with a 4xx problem that names the limit, healthcare-link-service's heap
 * (sampled from its own metrics) stays below its 256 MB limit, and another caller's reads keep being answered
 * meanwhile.
 */
@ExtendWith(SharedStack.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
// After the suite test has loaded the demo data (the schedule attack names a demo expert); before the matrix.
@Order(45)
class ExhaustionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HEAP_LIMIT = 256L * 1024 * 1024;
    private static final long MB = 1024 * 1024;
    private static final String INSTITUTIONS = "/api/v1/healthcare/institutions?size=1";

    private static SharedStack.Suite suite;
    private static String admin;
    private static MemoryWatch memory;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void watch(SharedStack.Suite running) throws IOException {
        suite = running;
        admin = suite.tokens().passwordGrant("admin", "admin");
        long pid = ProcStatus.running(suite.stack().app(SuiteService.HEALTHCARE).pid(), "QuarkusEntryPoint");
        memory = new MemoryWatch(List.of(new MemoryWatch.Watched("healthcare", pid,
                suite.config().url(SuiteService.HEALTHCARE))), Path.of(ChildProcess.javaBinary()).resolveSibling("jcmd"));
        memory.start(Duration.ofMillis(250));
    }

    @AfterAll
    static void report() {
        System.out.printf("ExhaustionIT: healthcare-link-service's heap peaked at %d MB of %d MB during the attacks%n",
                memory.peakHeap("healthcare") / MB, HEAP_LIMIT / MB);
        memory.close();
    }

    @Test
    void aSettlementBatchOfTwoMillionRowsOfOneBillIsRefusedAsItIsRead() throws Exception {
        String header = "billId,personId,homeRegion,scheme,assistanceCategory,treatmentRegion,institutionCode,kind,"
                + "crossRegionKind,date,serviceType,sessions,itemCode,amount\n";
        String row = "ATTACK-1,FY-DEMO-0001,141182,RESIDENT,,141182,H1411820001,INPATIENT,LOCAL,2025-08-03,,,A001,1.00\n";
        RawUpload.Answer answer = attack(Map.of("Content-Type", "text/csv"), header, row, 2_000_000);
        assertRefusedWithProblem(answer);
    }

    @Test
    void aSettlementBatchLineOf300MegabytesIsRefusedAsItIsRead() throws Exception {
        RawUpload.Answer answer = attack(Map.of("Content-Type", "application/x-ndjson"), "{\"billId\":\"",
                "a".repeat(1024), 300 * 1024);
        assertRefusedWithProblem(answer);
    }

    @ParameterizedTest(name = "start {0}, end {1}")
    @CsvSource({"'', 2060-12-31", "today, 9999-12-31", "'', 9999-12-31"})
    void anOutreachScheduleWithoutAStartOrLongerThanAYearIsRefused(String start, String end) throws Exception {
        JsonNode expert = JSON.readTree(get("/api/v1/healthcare/experts?size=1").body()).path("items").path(0);
        StringBuilder body = new StringBuilder("{\"expertId\":" + expert.path("id").asLong()
                + ",\"hostInstitutionCode\":\"" + expert.path("homeInstitutionCode").asText()
                + "\",\"recurrence\":\"WEEKLY\",\"weekday\":\"SATURDAY\",\"slot\":\"MORNING\",\"capacity\":20,"
                + "\"endDate\":\"" + end + "\"");
        if (!start.isEmpty()) {
            body.append(",\"startDate\":\"").append(LocalDate.now()).append('"');
        }
        String json = body.append('}').toString();
        HttpResponse<String> answer = checked(request("/api/v1/healthcare/outreach-schedules")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), json);
        assertEquals(422, answer.statusCode(), answer.body());
        JsonNode problem = JSON.readTree(answer.body());
        assertTrue(problem.path("type").asText().matches(".*/(start-date-required|schedule-too-long)"), answer.body());
    }

    @Test
    void aSchoolImportOfAHundredThousandRowsIsRefusedAndStoresNothing() throws Exception {
        StringBuilder csv = new StringBuilder("code,name,regionCode,locationType,level\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(String.format("9%09d,攻击导入学校%d,110105,URBAN,PRIMARY%n", i, i));
        }
        HttpResponse<String> answer = checked(request("/api/v1/pairing/schools/import")
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                csv.toString());
        assertTrue(answer.statusCode() == 413 || answer.statusCode() == 422, answer.statusCode() + " " + answer.body());
        assertProblem(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        assertEquals(404, get("/api/v1/pairing/schools/9000000000").statusCode(), "the first row was not stored");
    }

    @Test
    void twoHundredUploadsTricklingAByteASecondLeaveOtherCallersAnswered() throws Exception {
        String insurer = suite.tokens().passwordGrant("insurer-chongqing", "insurer-chongqing");
        URI gateway = URI.create(suite.gateway());
        List<Socket> trickles = new ArrayList<>();
        try (Bystander bystander = new Bystander(suite.gateway() + INSTITUTIONS,
                suite.tokens().passwordGrant("health-dezhou", "health-dezhou"))) {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket(gateway.getHost(), gateway.getPort());
                socket.getOutputStream().write(("POST /api/v1/healthcare/settlements/quote HTTP/1.1\r\nHost: "
                        + gateway.getHost() + "\r\nAuthorization: Bearer " + insurer
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                        .getBytes(StandardCharsets.UTF_8));
                trickles.add(socket);
            }
            for (int second = 0; second < 15; second++) {
                Thread.sleep(1000);
                for (Socket socket : trickles) {
                    trickle(socket);
                }
            }
            List<String> answers = bystander.answers();
            System.out.printf("ExhaustionIT: during 200 trickling uploads the bystander had %d answers, %d not 2xx%n",
                    answers.size(), bystander.failures().size());
            assertEquals(List.of(), bystander.failures(), "another caller's reads while uploads trickle");
            assertTrue(answers.size() >= 10, "the bystander was answered only " + answers.size() + " times");
        } finally {
            for (Socket socket : trickles) {
                socket.close();
            }
        }
    }

    /** One more byte; a connection the gateway has already cut (its upload deadline) is left as it is. */
    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException cut) {
            // The gateway ended this upload: what the test wants.
        }
    }

    /** Streams {@code head} then {@code times} copies of {@code repeated} to the settlement batch as the admin. */
    private RawUpload.Answer attack(Map<String, String> headers, String head, String repeated, int times)
            throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + admin);
        try (Bystander bystander = new Bystander(suite.gateway() + INSTITUTIONS,
                suite.tokens().passwordGrant("health-dezhou", "health-dezhou"))) {
            RawUpload.Answer answer = RawUpload.post(suite.gateway(), "/api/v1/healthcare/settlements/batch", all,
                    chunks(head, repeated, times));
            long total = head.length() + (long) repeated.length() * times;
            System.out.printf("ExhaustionIT: %d of %d MB sent before the answer %d; healthcare heap peak so far %d MB;"
                    + " bystander %d answers, %d not 2xx%n", answer.bytesSent() / MB, total / MB, answer.status(),
                    memory.peakHeap("healthcare") / MB, bystander.answers().size(), bystander.failures().size());
            assertEquals(List.of(), bystander.failures(), "another caller's reads during the attack");
            assertTrue(memory.peakHeap("healthcare") < HEAP_LIMIT, "heap stayed below its limit");
            return answer;
        }
    }

    /** The body in 64 KiB chunks, generated as it is sent. */
    private static Iterator<byte[]> chunks(String head, String repeated, int times) {
        byte[] unit = repeated.getBytes(StandardCharsets.UTF_8);
        int perChunk = Math.max(1, 65536 / unit.length);
        return new Iterator<>() {
            private boolean headSent;
            private int left = times;

            @Override
            public boolean hasNext() {
                return !headSent || left > 0;
            }

            @Override
            public byte[] next() {
                if (!headSent) {
                    headSent = true;
                    return head.getBytes(StandardCharsets.UTF_8);
                }
                if (left <= 0) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(perChunk, left);
                left -= n;
                byte[] chunk = new byte[unit.length * n];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(unit, 0, chunk, i * unit.length, unit.length);
                }
                return chunk;
            }
        };
    }

    private static void assertRefusedWithProblem(RawUpload.Answer answer) throws IOException {
        assertTrue(answer.status() == 413 || answer.status() == 422, answer.status() + " " + answer.body());
        assertProblem(answer.status(), answer.contentType(), answer.body());
    }

    private static void assertProblem(int status, String contentType, String body) throws IOException {
        assertTrue(contentType != null && contentType.startsWith("application/problem+json"), contentType + " " + body);
        JsonNode problem = JSON.readTree(body);
        assertEquals(status, problem.path("status").asInt(), body);
        assertTrue(problem.path("detail").asText().matches(".*\\d.*"), "the detail names the limit: " + body);
    }

    private HttpRequest.Builder request(String target) {
        return HttpRequest.newBuilder(URI.create(suite.gateway() + target)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + admin);
    }

    private HttpResponse<String> get(String target) throws Exception {
        return checked(request(target).GET().build(), null);
    }

    private HttpResponse<String> checked(HttpRequest request, String body) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        ContractConformance.check(request, body, response);
        return response;
    }
}
