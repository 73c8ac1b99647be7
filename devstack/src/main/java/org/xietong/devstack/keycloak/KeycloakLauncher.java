package org.xietong.devstack.keycloak;

import org.xietong.devstack.BuildInfo;
import org.xietong.devstack.Readiness;
import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.PidFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from the keycloak-quarkus-dist zip in the local Maven repository, unpacked once and run with
 * {@code start-dev}. Its H2 database lives in the unpacked tree, so users and sessions survive a restart.
 * Keycloak imports a realm only when the realm does not exist yet; when the realm file changes, the database is
 * dropped so the new file is imported instead of silently ignored.
 */
public final class KeycloakLauncher {

    public static final String REALM = "xietong";

    private KeycloakLauncher() {
    }

    public static RunningKeycloak start(Path home, Path realmFile, int port, int managementPort, Path logFile,
                                        PidFiles pidFiles, Consumer<String> say) throws IOException {
        Path installation = unpack(home, say);
        importRealm(installation, realmFile, say);
        Map<String, String> environment = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "JAVA_HOME", System.getProperty("java.home"));
        ChildProcess process = ChildProcess.start("keycloak", command(installation.resolve("bin/kc.sh"), port, managementPort),
                environment, installation, logFile, pidFiles);
        RunningKeycloak keycloak = new RunningKeycloak(process, baseUrl(port));
        try {
            Readiness.awaitHttpOk(keycloak.issuer() + "/.well-known/openid-configuration", Duration.ofMinutes(5),
                    process::checkAlive);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /**
     * The fixed public URL: tokens carry it as their issuer whichever host name the caller used (localhost,
     * 127.0.0.1), so the applications, configured with it, accept them all.
     */
    public static String baseUrl(int port) {
        return "http://localhost:" + port;
    }

    /**
     * {@code kc.sh start-dev} with a fixed hostname (Keycloak's hostname v2: a full URL) and brute-force protection
     * that does not refuse concurrent valid logins of one user (a district system's workers fetching tokens at once;
     * Keycloak 26 blocks them by default). The realm keeps brute-force protection on against failed logins.
     */
    public static List<String> command(Path kcSh, int port, int managementPort) {
        return List.of(kcSh.toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=" + baseUrl(port),
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true",
                "--import-realm",
                "--health-enabled=true");
    }

    private static Path unpack(Path home, Consumer<String> say) throws IOException {
        Path installation = home.resolve("keycloak-" + BuildInfo.keycloakVersion());
        Path marker = installation.resolve(".unpacked");
        if (Files.exists(marker)) {
            return installation;
        }
        say.accept("Unpacking Keycloak " + BuildInfo.keycloakVersion() + " (once)…");
        Files.createDirectories(home);
        String prefix = "keycloak-" + BuildInfo.keycloakVersion() + "/";
        try (InputStream file = Files.newInputStream(BuildInfo.keycloakDistribution());
             ZipInputStream zip = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : entry.getName();
                Path target = installation.resolve(name).normalize();
                if (!target.startsWith(installation)) {
                    throw new IOException("zip entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.startsWith("bin/") && name.endsWith(".sh")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.createFile(marker);
        return installation;
    }

    private static void importRealm(Path installation, Path realmFile, Consumer<String> say) throws IOException {
        byte[] realm = Files.readAllBytes(realmFile);
        String digest = sha256(realm);
        Path imported = installation.resolve("data/import/" + REALM + "-realm.json");
        Path digestFile = installation.resolve("data/import/.realm-sha256");
        Path database = installation.resolve("data/h2");
        String previous = Files.exists(digestFile) ? Files.readString(digestFile, StandardCharsets.UTF_8).trim() : null;
        if (previous != null && !previous.equals(digest) && Files.isDirectory(database)) {
            say.accept("Realm file changed: Keycloak's database is reset so the new realm is imported.");
            deleteTree(database);
        }
        Files.createDirectories(imported.getParent());
        Files.write(imported, realm);
        Files.writeString(digestFile, digest + "\n", StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
