package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.BuildInfo;
import org.xietong.devstack.SuiteService;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs here, so docker-compose.yml is checked for drift instead: what it builds exists, and its
 * ports, databases, URLs, realm file and image versions agree with the modules and the devstack.
 */
class ComposeFileTest {

    private static final String PRODUCTION_REALM = "deploy/keycloak/production/xietong-realm.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path root;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        root = Path.of(System.getProperty("xietong.root", "..")).toAbsolutePath().normalize();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void everyBuiltServiceIsAModuleWithItsDockerfile() throws IOException {
        String modules = Files.readString(root.resolve("pom.xml"));
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> compose = service(service.module());
            @SuppressWarnings("unchecked")
            Map<String, String> build = (Map<String, String>) compose.get("build");
            Path context = root.resolve(build.get("context")).normalize();
            assertEquals(root.resolve(service.module()), context, service.module() + " build context");
            assertTrue(Files.exists(context.resolve(build.get("dockerfile"))), "Dockerfile of " + service.module());
            assertTrue(modules.contains("<module>" + service.module() + "</module>"), service.module() + " is a module");
        }
        services.forEach((name, definition) -> {
            if (definition.containsKey("build")) {
                assertTrue(List.of(SuiteService.values()).stream().anyMatch(s -> s.module().equals(name)),
                        name + " is built by compose but is not a suite service");
            }
        });
    }

    @Test
    void portsAndDatabasesAgreeWithEachServicesConfig() throws IOException {
        String initSql = Files.readString(root.resolve("deploy/postgres/init-databases.sh"));
        for (SuiteService service : SuiteService.values()) {
            Properties config = applicationProperties(service);
            Map<String, String> env = environment(service.module());
            assertEquals(config.getProperty("quarkus.http.port"), env.get("QUARKUS_HTTP_PORT"), service.module() + " port");
            assertEquals(Integer.toString(service.basePort()), config.getProperty("quarkus.http.port"),
                    service.module() + " port in the devstack");
            if (service.database() != null) {
                String database = lastPathSegment(config.getProperty("quarkus.datasource.jdbc.url"));
                assertEquals(service.database(), database, service.module() + " database in its config");
                assertEquals(database, lastPathSegment(env.get("QUARKUS_DATASOURCE_JDBC_URL")), service.module() + " database in compose");
                assertEquals(config.getProperty("quarkus.datasource.username"), env.get("QUARKUS_DATASOURCE_USERNAME"));
                assertTrue(initSql.contains("CREATE DATABASE " + database), "init script creates " + database);
                assertTrue(initSql.contains("CREATE ROLE " + env.get("QUARKUS_DATASOURCE_USERNAME")), "init script creates its role");
                assertTrue(env.get("KAFKA_BOOTSTRAP_SERVERS").startsWith("kafka:"), "Kafka by service name");
            }
            assertTrue(env.get("QUARKUS_OIDC_AUTH_SERVER_URL").endsWith("/realms/xietong"), "realm xietong");
        }
    }

    @Test
    void gatewayRoutesToTheComposeServicesOnTheirPorts() throws IOException {
        Properties gateway = applicationProperties(SuiteService.GATEWAY);
        Map<String, String> env = environment("gateway");
        for (SuiteService service : SuiteService.values()) {
            if (service.database() == null) {
                continue;
            }
            String key = "XIETONG_GATEWAY_SERVICES_" + service.database().toUpperCase() + "_URL";
            URI url = URI.create(env.get(key));
            assertEquals(service.module(), url.getHost(), key);
            assertEquals(environment(service.module()).get("QUARKUS_HTTP_PORT"), Integer.toString(url.getPort()), key);
            assertEquals(service.apiPrefix(), gateway.getProperty("xietong.gateway.services." + service.database() + ".prefix"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakRunsInProductionModeWithTheProductionRealmAndImagesMatchTheBuild() {
        Map<String, Object> keycloak = service("keycloak");
        List<String> volumes = (List<String>) keycloak.get("volumes");
        String realm = volumes.stream().filter(v -> v.contains("realm")).findFirst().orElseThrow().split(":")[0];
        assertEquals(root.resolve(PRODUCTION_REALM), root.resolve(realm).normalize(), "the production realm, not the demo one");
        String command = String.valueOf(keycloak.get("command"));
        assertTrue(command.startsWith("start ") && command.contains("--import-realm"), command);
        assertFalse(command.contains("start-dev"), command);
        Map<String, String> env = environment("keycloak");
        assertEquals("postgres", env.get("KC_DB"), "Keycloak keeps its realm in its own database");
        assertTrue(env.get("KC_DB_URL").endsWith("/keycloak"), env.get("KC_DB_URL"));
        assertTrue(env.containsKey("KC_HOSTNAME") && env.containsKey("KC_PROXY_HEADERS"), "fixed hostname behind a proxy");
        assertTrue(String.valueOf(keycloak.get("image")).endsWith(":" + BuildInfo.keycloakVersion()), "Keycloak version");
        assertTrue(String.valueOf(service("kafka").get("image")).equals("apache/kafka:" + AppInfoParser.getVersion()),
                "Kafka image at the kafka-clients version");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayAndKeycloakArePublishedAndNeitherManagementPort() {
        services.forEach((name, definition) -> {
            List<String> ports = (List<String>) definition.get("ports");
            switch (name) {
                case "gateway" -> assertEquals(List.of("8080:8080"), ports, "the gateway's API port alone (not 9000)");
                case "keycloak" -> assertEquals(List.of("8180:8080"), ports, "Keycloak's HTTP port alone (not 9000)");
                default -> assertNull(ports, name + " publishes no port");
            }
            assertFalse(definition.containsKey("network_mode"), name + " stays on the compose network");
        });
    }

    @Test
    void everyPasswordAndSecretComesFromTheEnvironment() {
        services.keySet().forEach(name -> environment(name).forEach((key, value) -> {
            if (key.contains("PASSWORD") || key.contains("SECRET")) {
                assertTrue(value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}"), name + " " + key + " must be required from the environment: " + value);
            }
        }));
    }

    @Test
    void theProductionRealmHasNoDemoUsersNoPasswordGrantAndSecretsFromTheEnvironment() throws IOException {
        JsonNode production = JSON.readTree(root.resolve(PRODUCTION_REALM).toFile());
        JsonNode demo = JSON.readTree(root.resolve("deploy/keycloak/xietong-realm.json").toFile());
        for (JsonNode user : production.path("users")) {
            // Only partners' service accounts: their roles are their purposes, the same as the demo realm's.
            assertTrue(user.has("serviceAccountClientId") && !user.has("credentials"), "no demo users: " + user);
            boolean same = false;
            for (JsonNode known : demo.path("users")) {
                same |= known.path("serviceAccountClientId").equals(user.path("serviceAccountClientId"))
                        && known.path("realmRoles").equals(user.path("realmRoles"));
            }
            assertTrue(same, user.path("username").asText() + " holds the demo realm's partner purposes");
        }
        assertTrue(production.path("bruteForceProtected").asBoolean(), "brute-force protection on");
        assertEquals(demo.path("roles"), production.path("roles"), "the same realm roles as the demo realm");
        for (JsonNode client : production.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + " has no password grant");
            if (client.has("secret")) {
                assertTrue(client.path("secret").asText().matches("\\$\\{XIETONG_[A-Z0-9_]+}"), id + " secret from the environment");
            }
            boolean demoHasIt = false;
            for (JsonNode known : demo.path("clients")) {
                demoHasIt |= known.path("clientId").asText().equals(id);
            }
            assertTrue(demoHasIt, id + " is a client of the demo realm too");
            if (!id.equals("gateway")) {
                assertTrue(client.path("protocolMappers").toString().contains("\"included.custom.audience\":\"xietong-api\""),
                        id + " mints tokens for the API, so they carry its audience");
            }
        }
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = services.get(name);
        assertTrue(service != null, "docker-compose.yml has no service " + name);
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        Map<String, Object> env = (Map<String, Object>) service(name).get("environment");
        Map<String, String> strings = new java.util.HashMap<>();
        env.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    private static Properties applicationProperties(SuiteService service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root.resolve(service.module()).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String lastPathSegment(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
