package org.xietong.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/** What the build recorded for the devstack: artifact paths in the local Maven repository and its classpath. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String property(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.startsWith("${")) {
            throw new IllegalStateException("devstack.properties has no " + key + "; build the devstack module with Maven");
        }
        return value;
    }

    public static Path keycloakDistribution() {
        return Path.of(property("keycloak.dist.zip"));
    }

    public static String keycloakVersion() {
        return property("keycloak.version");
    }

    /** Classpath for child JVMs (Kafka broker, guards): the devstack's classes plus its runtime dependencies. */
    public static String childClasspath() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath missing; build the devstack module with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the devstack classes themselves are: a directory or a jar. */
    public static String ownLocation() {
        CodeSource source = BuildInfo.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                Path path = Path.of(source.getLocation().toURI());
                if (Files.exists(path.resolve("org/xietong/devstack/process/OrphanGuard.class"))
                        || path.toString().endsWith(".jar")) {
                    return path.toString();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // fall through to the recorded build directory
        }
        return property("devstack.classes");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("devstack.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
