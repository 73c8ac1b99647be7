package org.xietong.devstack;

import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.OrphanGuard;
import org.xietong.devstack.process.PidFiles;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a built Quarkus application (fast-jar layout) as a guarded child JVM configured through its environment. */
final class QuarkusAppLauncher {

    private QuarkusAppLauncher() {
    }

    static ChildProcess start(SuiteService service, Path runJar, Map<String, String> environment, Path logFile,
                              PidFiles pidFiles) throws IOException {
        if (!Files.exists(runJar)) {
            throw new IllegalStateException(runJar + " is missing: build first (./xietong up builds it, or ./mvnw -DskipTests package)");
        }
        List<String> command = List.of(ChildProcess.javaBinary(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", BuildInfo.ownLocation() + File.pathSeparator + runJar,
                OrphanGuard.class.getName(), Long.toString(ProcessHandle.current().pid()),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        return ChildProcess.start(service.module(), command, environment, runJar.getParent(), logFile, pidFiles);
    }
}
