package org.xietong.devstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the devstack keeps its data and which ports it uses. Every port moves by {@code portOffset}, so a second
 * stack (the system tests) can run beside a developer's {@code ./xietong up}. {@code appProperties} are extra
 * configuration properties for one application (a benchmark raising the gateway's rate limits, say). They reach it
 * as environment variables ({@code a.b-c} as {@code A_B_C}), which override its application.properties: an unknown
 * name in the environment is ignored, whereas as a system property under a {@code @ConfigMapping} prefix it would
 * stop the application at start ("does not map to any root").
 */
public record StackConfig(Path root, Path home, int portOffset, boolean keepData,
                          Map<SuiteService, Map<String, String>> appProperties) {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 8190;
    /** The gateway's management interface (/q/metrics), off its public port. */
    public static final int GATEWAY_MANAGEMENT_PORT = 9000;
    /*
     * Private stacks beside the developer's. Every moved port stays below Linux's ephemeral range (32768 and up):
     * there an outgoing connection may hold the port for a moment and the stack would refuse to start.
     */
    public static final int SYSTEM_TEST_OFFSET = 10000;
    public static final int BENCHMARK_OFFSET = 11000;
    /** Where everything but the gateway and Keycloak listens: callers reach the services only through the gateway. */
    public static final String LOOPBACK = "127.0.0.1";

    public StackConfig {
        EnumMap<SuiteService, Map<String, String>> copy = new EnumMap<>(SuiteService.class);
        appProperties.forEach((service, properties) -> copy.put(service, Map.copyOf(properties)));
        appProperties = Collections.unmodifiableMap(copy);
    }

    public StackConfig(Path root, Path home, int portOffset, boolean keepData) {
        this(root, home, portOffset, keepData, Map.of());
    }

    /** This configuration with {@code properties} added to {@code service}'s configuration. */
    public StackConfig withAppProperties(SuiteService service, Map<String, String> properties) {
        EnumMap<SuiteService, Map<String, String>> merged = new EnumMap<>(SuiteService.class);
        merged.putAll(appProperties);
        Map<String, String> forService = new TreeMap<>(appProperties(service));
        forService.putAll(properties);
        merged.put(service, forService);
        return new StackConfig(root, home, portOffset, keepData, merged);
    }

    /** The extra configuration of {@code service}; empty unless set with {@link #withAppProperties}. */
    public Map<String, String> appProperties(SuiteService service) {
        return appProperties.getOrDefault(service, Map.of());
    }

    /** {@link #appProperties(SuiteService)} as the environment variables that carry them. */
    public Map<String, String> appEnvironment(SuiteService service) {
        Map<String, String> environment = new TreeMap<>();
        appProperties(service).forEach((name, value) -> environment.put(environmentName(name), value));
        return environment;
    }

    /**
     * The interface an application listens on, as its environment: the services on loopback alone, the gateway (the
     * suite's public entry) where Quarkus puts it by default, every interface.
     */
    public static Map<String, String> bindEnvironment(SuiteService service) {
        return service == SuiteService.GATEWAY ? Map.of() : Map.of("QUARKUS_HTTP_HOST", LOOPBACK);
    }

    /** MicroProfile Config's environment name of a property: {@code xietong.gateway.a-b} is {@code XIETONG_GATEWAY_A_B}. */
    public static String environmentName(String property) {
        if (property.isBlank()) {
            throw new IllegalArgumentException("a property needs a name");
        }
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

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

    public int gatewayManagementPort() {
        return GATEWAY_MANAGEMENT_PORT + portOffset;
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
