package org.xietong.devstack;

import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.OrphanGuard;
import org.xietong.devstack.process.PidFiles;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/** Runs a built Quarkus application (fast-jar layout) as a guarded child JVM configured through its environment. */
final class QuarkusAppLauncher {

    private QuarkusAppLauncher() {
    }

    /**
     * Starts the application in its own directory. The class path begins with the jar by its relative name, as the
     * build's class-data archive recorded it; the JVM takes an archive only for a class path that begins like the one
     * it was made with, and a JVM of another build ignores it with a warning.
     */
    static ChildProcess start(SuiteService service, Path runJar, ClassData classData, Map<String, String> environment,
                              Path logFile, PidFiles pidFiles, Path runDir) throws IOException {
        if (!Files.exists(runJar)) {
            throw new IllegalStateException(runJar + " is missing: build first (./xietong up builds it, or ./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        command.addAll(classData.jvmOptions());
        command.addAll(List.of("-cp", runJar.getFileName() + File.pathSeparator + guardJar(runDir),
                OrphanGuard.class.getName(), Long.toString(ProcessHandle.current().pid()),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        return ChildProcess.start(service.module(), command, environment, runJar.getParent(), logFile, pidFiles);
    }

    /**
     * A jar in {@code dir} holding the guard's class alone, written only when missing or different. The JVM records
     * class data only with jars on the class path (never a directory, which is where the guard lives in a source
     * tree), and takes the recording again only while those jars are unchanged.
     */
    static Path guardJar(Path dir) throws IOException {
        String entry = OrphanGuard.class.getName().replace('.', '/') + ".class";
        byte[] guard;
        try (InputStream in = OrphanGuard.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " not found");
            }
            guard = in.readAllBytes();
        }
        Path jar = dir.resolve("orphan-guard.jar");
        if (Files.exists(jar)) {
            try (JarFile existing = new JarFile(jar.toFile())) {
                JarEntry held = existing.getJarEntry(entry);
                if (held != null && Arrays.equals(guard, existing.getInputStream(held).readAllBytes())) {
                    return jar;
                }
            } catch (IOException unreadable) {
                // written again below
            }
        }
        Files.createDirectories(dir);
        Path written = Files.createTempFile(dir, "orphan-guard", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(written))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(guard);
            out.closeEntry();
        }
        return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
