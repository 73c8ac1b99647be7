package org.xietong.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xietong.devstack.process.ChildProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataTest {

    @TempDir
    Path dir;

    @Test
    void aKeptDataDirectoryRecordsOnceAndStartsWithTheRecordingAfterACleanExit() throws Exception {
        Path runJar = build("pairing-service");
        Path archives = dir.resolve("class-data");

        ClassData first = ClassData.of(SuiteService.PAIRING, runJar, archives);
        String recordTo = option(first.jvmOptions(), "-XX:ArchiveClassesAtExit=");
        assertTrue(first.recording());
        Files.writeString(Path.of(recordTo), "archive");
        first.keep(exited(143));

        List<String> next = ClassData.of(SuiteService.PAIRING, runJar, archives).jvmOptions();
        assertEquals(List.of("-XX:SharedArchiveFile=" + archives.resolve(Path.of(recordTo).getFileName().toString().replace(".part", ""))), next);
        assertFalse(Files.exists(Path.of(recordTo)));
    }

    @Test
    void aKilledRecordingIsThrownAwayAndRecordedAgain() throws Exception {
        Path runJar = build("rotation-service");
        Path archives = dir.resolve("class-data");
        ClassData first = ClassData.of(SuiteService.ROTATION, runJar, archives);
        Path recording = Path.of(option(first.jvmOptions(), "-XX:ArchiveClassesAtExit="));
        Files.writeString(recording, "half an archive");

        first.keep(exited(137));

        assertFalse(Files.exists(recording));
        option(ClassData.of(SuiteService.ROTATION, runJar, archives).jvmOptions(), "-XX:ArchiveClassesAtExit=");
    }

    @Test
    void aNewBuildRecordsAgainAndDropsTheOldRecording() throws Exception {
        Path runJar = build("gateway");
        Path archives = dir.resolve("class-data");
        ClassData first = ClassData.of(SuiteService.GATEWAY, runJar, archives);
        Files.writeString(Path.of(option(first.jvmOptions(), "-XX:ArchiveClassesAtExit=")), "archive");
        first.keep(exited(0));
        assertEquals(1, count(archives));

        Files.setLastModifiedTime(runJar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(runJar).toMillis() + 60_000));
        option(ClassData.of(SuiteService.GATEWAY, runJar, archives).jvmOptions(), "-XX:ArchiveClassesAtExit=");
        assertEquals(0, count(archives));
    }

    @Test
    void aThrowAwayStackStartsWithTheBuildsArchiveWhenThereIsOne() throws Exception {
        Path runJar = build("healthcare-link-service");
        assertEquals(List.of(), ClassData.of(SuiteService.HEALTHCARE, runJar, null).jvmOptions());
        Files.writeString(runJar.resolveSibling(ClassData.BUILD_ARCHIVE), "archive");
        assertEquals(List.of("-XX:SharedArchiveFile=app-cds.jsa"), ClassData.of(SuiteService.HEALTHCARE, runJar, null).jvmOptions());
    }

    private Path build(String module) throws IOException {
        Path app = Files.createDirectories(dir.resolve(module).resolve("quarkus-app"));
        return Files.writeString(app.resolve("quarkus-run.jar"), "jar");
    }

    private ChildProcess exited(int code) throws Exception {
        ChildProcess process = ChildProcess.start("exit-" + code, List.of("sh", "-c", "exit " + code), Map.of(), dir,
                dir.resolve("logs").resolve("exit.log"), null);
        assertTrue(process.waitFor(Duration.ofSeconds(10)));
        return process;
    }

    private static String option(List<String> options, String prefix) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError(prefix + " not in " + options));
    }

    private static long count(Path archives) throws IOException {
        try (var files = Files.list(archives)) {
            return files.filter(p -> p.toString().endsWith(".jsa")).count();
        }
    }
}
