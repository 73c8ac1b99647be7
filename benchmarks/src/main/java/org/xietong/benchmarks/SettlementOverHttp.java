package org.xietong.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.xietong.devstack.DemoAccounts;
import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.TokenClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records a {@link SettlementBatch} through {@code POST /api/v1/healthcare/settlements/batch?record=true}, straight to
 * healthcare-link-service on a started devstack, as partner-500000 (the Chongqing partner system) sends it: the NDJSON
 * body is written to a file first, then sent with {@code curl --data-binary} while its answer lines are read as they
 * stream back. The clock runs from starting curl to its exit. The institutions, the catalog and the home policy are
 * set up as admin beforehand, and the batch is settled in-process too, so the recorded patients' share can be checked
 * against the engine's to the fen.
 */
final class SettlementOverHttp {

    private static final String PARTNER = "partner-500000";

    /**
     * What the batch answered: per status, the patients' share of the recorded bills, time and service memory.
     * {@code finished} is false when the batch was stopped at the time limit; the counts are then those answered so far.
     */
    record Result(boolean finished, double seconds, long lines, int bills, Map<Integer, Integer> statuses,
                  BigDecimal patientPays, BigDecimal expectedPatientPays, long bodyBytes, long serviceRssPeakKb) {

        int recorded() {
            return statuses.getOrDefault(201, 0);
        }

        int answered() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }

        boolean complete() {
            return finished && recorded() == bills && statuses.size() == 1 && patientPays.compareTo(expectedPatientPays) == 0;
        }
    }

    private SettlementOverHttp() {
    }

    /** Records {@code batch}, stopping it after {@code limit} so that a machine far too slow still gets a report. */
    static Result record(DevStack stack, SettlementBatch batch, Path workDir, Duration limit)
            throws IOException, InterruptedException {
        StackConfig config = stack.config();
        String base = config.url(SuiteService.HEALTHCARE) + "/api/v1/healthcare";
        ObjectMapper json = new ObjectMapper();
        TokenClient tokens = new TokenClient(stack.keycloak().issuer());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        String admin = tokens.passwordGrant("admin", "admin");
        for (int tier = 1; tier <= 3; tier++) {
            send(http, admin, "POST", base + "/institutions", SettlementBatch.institutionRequest(json, tier), 201);
        }
        send(http, admin, "PUT", base + "/catalogs/" + SettlementBatch.TREATMENT + "/items", batch.catalogUpload(json), 200);
        send(http, admin, "PUT", base + "/settlement-policies/" + SettlementBatch.HOME, json.writeValueAsString(batch.policy), 200);
        for (int p = 0; p < SettlementBatch.dialysisPatients(batch.people); p++) {
            send(http, admin, "POST", base + "/chronic-certifications", json.writeValueAsString(Map.of("personId", "P" + p,
                    "homeRegion", SettlementBatch.HOME, "diseaseCode", "M07800", "diseaseName", "尿毒症透析",
                    "validFrom", "2025-01-01")), 201);
        }

        Path body = workDir.resolve("settlement-batch.ndjson");
        batch.writeNdjson(json, body);
        SettlementBatch.Totals expected = batch.settle(batch.bills);
        DemoAccounts.Partner partner = DemoAccounts.read(config.realmFile()).partners().stream()
                .filter(p -> p.clientId().equals(PARTNER)).findFirst()
                .orElseThrow(() -> new IllegalStateException(PARTNER + " is not in the realm file"));
        String token = tokens.clientCredentials(partner.clientId(), partner.secret());

        Machine.RssSampler rss = new Machine.RssSampler(Machine.quarkusPid(stack.app(SuiteService.HEALTHCARE).pid()));
        Map<Integer, Integer> statuses = new TreeMap<>();
        BigDecimal patientPays = BigDecimal.ZERO;
        rss.start();
        long begin = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-sS", "--fail-with-body", "-N", "-X", "POST",
                "-H", "Authorization: Bearer " + token, "-H", "Content-Type: application/x-ndjson",
                "--data-binary", "@" + body, base + "/settlements/batch?record=true")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread timer = new Thread(() -> {
            try {
                if (!curl.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    stopped.set(true);
                    curl.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "settlement-time-limit");
        timer.setDaemon(true);
        timer.start();
        double seconds;
        try (BufferedReader answers = new BufferedReader(new InputStreamReader(curl.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                if (stopped.get()) {
                    break; // the line may be cut short
                }
                int status = intAfter(line, "\"status\":");
                statuses.merge(status, 1, Integer::sum);
                if (status == 201) {
                    patientPays = patientPays.add(new BigDecimal(valueAfter(line, "\"patientPays\":")));
                }
            }
            curl.waitFor();
            seconds = (System.nanoTime() - begin) / 1e9;
            if (!stopped.get() && curl.exitValue() != 0) {
                throw new IllegalStateException("curl failed with exit code " + curl.exitValue());
            }
        } finally {
            curl.destroy();
            timer.interrupt();
            rss.stop();
        }
        return new Result(!stopped.get(), seconds, batch.lines(), batch.bills.size(), statuses, patientPays, expected.patientPays(),
                Files.size(body), rss.peakKb());
    }

    private static void send(HttpClient http, String token, String method, String url, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The first JSON number after {@code key} in an answer line, without parsing the whole line (they are long). */
    static String valueAfter(String line, String key) {
        int start = line.indexOf(key);
        if (start < 0) {
            throw new IllegalStateException("no " + key + " in the answer line: " + line);
        }
        start += key.length();
        int end = start;
        while (end < line.length() && "+-.0123456789eE".indexOf(line.charAt(end)) >= 0) {
            end++;
        }
        return line.substring(start, end);
    }

    private static int intAfter(String line, String key) {
        return Integer.parseInt(valueAfter(line, key));
    }
}
