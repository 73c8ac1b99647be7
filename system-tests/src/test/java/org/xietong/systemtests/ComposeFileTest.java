package org.xietong.systemtests;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs here, so docker-compose.yml is checked for drift instead: what it builds exists, and its
 * ports, databases, URLs, realm file and image versions agree with the modules and the devstack.
 */
class ComposeFileTest {

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
        String initSql = Files.readString(root.resolve("deploy/postgres/init-databases.sql"));
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
    void keycloakImportsTheOneRealmFileAndImagesMatchTheBuild() {
        Map<String, Object> keycloak = service("keycloak");
        List<String> volumes = (List<String>) keycloak.get("volumes");
        String realm = volumes.stream().filter(v -> v.contains("realm")).findFirst().orElseThrow().split(":")[0];
        assertEquals(root.resolve("deploy/keycloak/xietong-realm.json"), root.resolve(realm).normalize());
        assertTrue(String.valueOf(keycloak.get("command")).contains("--import-realm"));
        assertTrue(String.valueOf(keycloak.get("image")).endsWith(":" + BuildInfo.keycloakVersion()), "Keycloak version");
        assertTrue(String.valueOf(service("kafka").get("image")).equals("apache/kafka:" + AppInfoParser.getVersion()),
                "Kafka image at the kafka-clients version");
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
