package org.xietong.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Starts PostgreSQL from zonky's embedded binaries with a fixed port and a data directory that survives restarts.
 * As root, zonky runs initdb and pg_ctl under {@code unshare -U}, where PostgreSQL's refusal to run as root does not
 * apply.
 */
public final class PostgresLauncher {

    /** Only processes on this machine reach the database. */
    public static final String LISTEN_ADDRESSES = "127.0.0.1";

    private PostgresLauncher() {
    }

    public static RunningPostgres start(Path dataDirectory, int port, boolean cleanData) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        stopLeftoverPostmaster(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(cleanData)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", LISTEN_ADDRESSES)
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        return new RunningPostgres(builder.start(), port);
    }

    /**
     * A postmaster whose parent was killed keeps running and holds the data directory and the port; stops it and
     * tells whether there was one.
     */
    public static boolean stopLeftoverPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> postmaster = first.matches("\\d+")
                ? ProcessHandle.of(Long.parseLong(first))
                        .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                : Optional.empty();
        postmaster.ifPresent(h -> {
            h.destroy();
            h.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        return postmaster.isPresent();
    }
}
