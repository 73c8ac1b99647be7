package org.xietong.devstack;

import org.xietong.devstack.process.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Which class-data archive an application starts with. The build makes one of the classes Quarkus loads before it
 * initialises anything ({@code app-cds.jsa}); in a data directory that is kept across restarts, the application's
 * first run for a build also records every class it loaded while it ran (the JVM writes them when it exits), and
 * later starts of that build take that fuller archive: about another second less on two cores, since Flyway,
 * Hibernate, the Kafka clients and OIDC load most of their classes after Quarkus's own start. A JVM records only on
 * top of the JDK's own archive, so the recording run does without the build's. The recording is kept only when the
 * JVM exited by itself, never after a SIGKILL, and archives of earlier builds are deleted.
 */
final class ClassData {

    /** The build's archive, next to quarkus-run.jar; the JVM takes it only by this relative name from there. */
    static final String BUILD_ARCHIVE = "app-cds.jsa";
    /** Exit codes of a JVM that ended by itself: after main returned, and after SIGTERM ran its shutdown. */
    private static final List<Integer> CLEAN_EXITS = List.of(0, 143);

    private final String module;
    private final Path appDir;
    private final Path recorded;
    private final Path recording;
    private final boolean record;
    private boolean recordingRun;

    private ClassData(String module, Path appDir, Path recorded, boolean record) {
        this.module = module;
        this.appDir = appDir;
        this.recorded = recorded;
        this.recording = recorded.resolveSibling(recorded.getFileName() + ".part");
        this.record = record;
    }

    /**
     * For {@code service} built at {@code runJar}; {@code archives} is where recorded archives are kept, or null
     * where none should be (a data directory thrown away after the run).
     */
    static ClassData of(SuiteService service, Path runJar, Path archives) {
        Path appDir = runJar.getParent();
        if (archives == null) {
            return new ClassData(service.module(), appDir, appDir.resolve(BUILD_ARCHIVE), false);
        }
        return new ClassData(service.module(), appDir, archives.resolve(service.module() + "-" + buildStamp(appDir) + ".jsa"), true);
    }

    /** The JVM options that choose (or record) the archive. */
    List<String> jvmOptions() throws IOException {
        if (record && Files.exists(recorded)) {
            return List.of("-XX:SharedArchiveFile=" + recorded);
        }
        if (record) {
            Files.createDirectories(recorded.getParent());
            deleteEarlierBuilds();
            Files.deleteIfExists(recording);
            recordingRun = true;
            // The JVM names each class it cannot archive (hundreds); real problems are logged as errors.
            return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error");
        }
        return Files.exists(appDir.resolve(BUILD_ARCHIVE)) ? List.of("-XX:SharedArchiveFile=" + BUILD_ARCHIVE) : List.of();
    }

    /** Whether the JVM started last records class data, which it writes as it exits (some seconds). */
    boolean recording() {
        return recordingRun;
    }

    /** After {@code app} has stopped: keeps what it recorded if it exited by itself. */
    void keep(ChildProcess app) {
        if (!recordingRun || app.isAlive()) {
            return;
        }
        recordingRun = false;
        try {
            if (CLEAN_EXITS.contains(app.exitCode()) && Files.exists(recording) && Files.size(recording) > 0) {
                Files.move(recording, recorded, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes whenever the application is built again: its entry jar and Quarkus's serialized application. */
    private static String buildStamp(Path appDir) {
        try {
            long stamp = 17;
            for (Path part : List.of(appDir.resolve("quarkus-run.jar"), appDir.resolve("quarkus/quarkus-application.dat"))) {
                if (Files.exists(part)) {
                    stamp = 31 * stamp + Files.getLastModifiedTime(part).toMillis();
                    stamp = 31 * stamp + Files.size(part);
                }
            }
            return Long.toHexString(stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteEarlierBuilds() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(recorded.getParent(), module + "-*.jsa")) {
            for (Path archive : archives) {
                Files.deleteIfExists(archive);
            }
        }
    }
}
