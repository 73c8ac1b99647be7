package org.xietong.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event catalog, the JSON Schemas, the payload records and each service's AsyncAPI document agree. */
class EventContractsTest {

    private static final Map<String, String> MODULES = Map.of(
            "pairing", "pairing-service", "rotation", "rotation-service", "healthcare", "healthcare-link-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("xietong.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyCatalogedTypeHasASchemaMatchingItsRecord() throws Exception {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode schema = schema(entry.schemaPath());
            assertEquals(entry.type(), schema.path("title").asText(), entry.type() + " schema title");
            Set<String> components = Arrays.stream(entry.payload().getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(components, properties, entry.type() + ": schema properties = record components");
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertEquals(components, required, entry.type() + ": every field is required");
            assertTrue(entry.type().matches("org\\.xietong\\." + entry.area() + "\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+"),
                    entry.type() + " follows org.xietong.<area>.<entity>.<event>.v<n>");
            boolean declared = java.util.Arrays.stream(entry.payload().getFields())
                    .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                    .anyMatch(f -> {
                        try {
                            return entry.type().equals(f.get(null));
                        } catch (IllegalAccessException e) {
                            return false;
                        }
                    });
            assertTrue(declared, entry.type() + " is a constant of " + entry.payload().getSimpleName());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServicesAsyncApiDocumentListsWhatItPublishes() throws Exception {
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            Path moduleDir = ROOT.resolve(module.getValue());
            Map<String, Object> doc = yaml(moduleDir.resolve("src/main/resources/META-INF/resources/asyncapi.yaml"));
            Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
            Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) doc.get("operations");
            Map<String, Map<String, Object>> messages = doc.containsKey("components")
                    ? (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages") : Map.of();

            Map<String, Object> send = operations.values().stream().filter(o -> "send".equals(o.get("action")))
                    .findFirst().orElseThrow(() -> new AssertionError(module.getValue() + " has no send operation"));
            String channelName = ((String) ((Map<String, Object>) send.get("channel")).get("$ref")).replace("#/channels/", "");
            String topic = (String) channels.get(channelName).get("address");
            assertEquals(property(moduleDir, "xietong.events.topic"), topic, module.getValue() + " publishes on its topic");

            Set<String> documented = new HashSet<>();
            for (Object ref : (List<Object>) send.get("messages")) {
                String name = ((String) ((Map<String, Object>) ref).get("$ref")).replaceAll(".*/", "");
                documented.add((String) messages.get(name).get("name"));
            }
            Set<String> published = EventCatalog.ALL.stream().filter(e -> e.area().equals(module.getKey()))
                    .map(EventCatalog.Entry::type).collect(Collectors.toSet());
            assertEquals(published, documented, module.getValue() + ": documented = cataloged events of its area");

            for (Map<String, Object> message : messages.values()) {
                String payload = (String) ((Map<String, Object>) message.get("payload")).get("$ref");
                assertEquals("./contracts/schemas/" + message.get("name") + ".json", payload);
                assertNotNull(schema(payload.substring(2)), payload + " exists");
                assertTrue(EventCatalog.ALL.stream().anyMatch(e -> e.type().equals(message.get("name"))),
                        message.get("name") + " is cataloged");
            }
        }
    }

    private static JsonNode schema(String path) throws IOException {
        try (InputStream in = EventCatalog.class.getResourceAsStream("/META-INF/resources/" + path)) {
            assertNotNull(in, "schema " + path);
            return JSON.readTree(in);
        }
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    private static String property(Path module, String key) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.getProperty(key);
    }
}
