package org.xietong.devstack;

import java.nio.file.Path;

/**
 * Where the devstack keeps its data and which ports it uses. Every port moves by {@code portOffset}, so a second
 * stack (the system tests) can run beside a developer's {@code ./xietong up}.
 */
public record StackConfig(Path root, Path home, int portOffset, boolean keepData) {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 8190;
    /*
     * Private stacks beside the developer's. Every moved port stays below Linux's ephemeral range (32768 and up):
     * there an outgoing connection may hold the port for a moment and the stack would refuse to start.
     */
    public static final int SYSTEM_TEST_OFFSET = 10000;
    public static final int BENCHMARK_OFFSET = 11000;

    /** The developer's stack: data under {@code .xietong/} in the project root, kept across restarts. */
    public static StackConfig fromEnvironment() {
        Path root = Path.of(System.getProperty("xietong.root", ".")).toAbsolutePath().normalize();
        String home = System.getenv("XIETONG_HOME");
        String offset = System.getenv("XIETONG_PORT_OFFSET");
        return new StackConfig(root, home == null ? root.resolve(".xietong") : Path.of(home).toAbsolutePath(),
                offset == null ? 0 : Integer.parseInt(offset), true);
    }

    public int postgresPort() {
        return POSTGRES_PORT + portOffset;
    }

    public int kafkaPort() {
        return KAFKA_PORT + portOffset;
    }

    public int kafkaControllerPort() {
        return KAFKA_CONTROLLER_PORT + portOffset;
    }

    public int keycloakPort() {
        return KEYCLOAK_PORT + portOffset;
    }

    public int keycloakManagementPort() {
        return KEYCLOAK_MANAGEMENT_PORT + portOffset;
    }

    public int port(SuiteService service) {
        return service.basePort() + portOffset;
    }

    public String url(SuiteService service) {
        return "http://localhost:" + port(service);
    }

    public Path realmFile() {
        return root.resolve("deploy/keycloak/xietong-realm.json");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path quarkusApp(SuiteService service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
