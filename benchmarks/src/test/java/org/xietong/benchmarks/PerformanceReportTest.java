package org.xietong.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceReportTest {

    @Test
    void aRestartsStartTimeIsTheLogsLastStartedIn(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("pairing-service.log");
        Files.writeString(log, """
                2026-11-23 02:48:08,058 INFO  [io.quarkus] (main) pairing-service 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.34.1) started in 5.300s. Listening on: http://0.0.0.0:19081
                2026-11-23 02:49:00,000 INFO  [io.quarkus] (Shutdown thread) pairing-service stopped in 0.120s
                2026-11-23 02:50:08,058 INFO  [io.quarkus] (main) pairing-service 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.34.1) started in 3.125s. Listening on: http://0.0.0.0:19081
                """, StandardCharsets.UTF_8);

        assertEquals(OptionalDouble.of(3.125), PerformanceReport.quarkusStartedIn(log));
        assertTrue(PerformanceReport.quarkusStartedIn(dir.resolve("missing.log")).isEmpty());
    }

    @Test
    void anAnswerLinesStatusAndPatientsShareAreReadWithoutParsingTheLine() {
        String line = "{\"line\":7,\"billId\":\"B6\",\"status\":201,\"settlement\":{\"id\":\"x\",\"total\":120.50,"
                + "\"patientPays\":36.15,\"explanations\":{\"patientPays\":\"not this one\"}}}";

        assertEquals("201", SettlementOverHttp.valueAfter(line, "\"status\":"));
        assertEquals("36.15", SettlementOverHttp.valueAfter(line, "\"patientPays\":"));
    }

    @Test
    void tableCellsKeepTheirPipesAndLinesInside() {
        assertEquals("| a\\|b | 1 2 | ≤ 3 | yes |", PerformanceReport.Row.judged("a|b", "1\n2", "≤ 3", true).markdown());
        assertEquals("| x | measurement failed: boom | ≤ 3 | **no** |", PerformanceReport.Row.failed("x", "≤ 3", "boom").markdown());
    }
}
