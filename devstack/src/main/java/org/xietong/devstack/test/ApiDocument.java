package org.xietong.devstack.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a service's OpenAPI document (JSON) says of one operation, for tests that check the published contract. */
public final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]{2,79}");

    private ApiDocument() {
    }

    /** The names the operation's security requirements list: its purposes (empty when it declares none). */
    public static List<String> purposes(String document, String method, String path) {
        try {
            JsonNode operation = JSON.readTree(document).path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                throw new IllegalArgumentException("the document has no operation " + method + " " + path);
            }
            List<String> purposes = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.forEach(scheme ->
                    scheme.forEach(name -> purposes.add(name.asText()))));
            return purposes;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
    }

    /** How many operations the document's paths hold. */
    public static int operationCount(String document) {
        try {
            int count = 0;
            for (JsonNode item : JSON.readTree(document).path("paths")) {
                for (var names = item.fieldNames(); names.hasNext(); ) {
                    count += METHODS.contains(names.next()) ? 1 : 0;
                }
            }
            return count;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
    }

    /**
     * What an integrator's generator would trip over, one line per finding: an operation without an
     * {@code operationId}, one that is not camelCase, one used twice, an operation without a summary, and a 2xx
     * answer with a body whose schema is missing or empty (generated clients return {@code Object} for it). Empty
     * when the document is exact in these respects.
     */
    public static List<String> contractGaps(String document) {
        JsonNode paths;
        try {
            paths = JSON.readTree(document).path("paths");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
        List<String> gaps = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode op = entry.getValue();
            String id = op.path("operationId").asText("");
            if (id.isEmpty()) {
                gaps.add(operation + ": no operationId");
            } else {
                if (!CAMEL_CASE.matcher(id).matches()) {
                    gaps.add(operation + ": operationId " + id + " is not camelCase");
                }
                String earlier = seen.putIfAbsent(id, operation);
                if (earlier != null) {
                    gaps.add(operation + ": operationId " + id + " is also " + earlier);
                }
            }
            if (op.path("summary").asText("").isBlank()) {
                gaps.add(operation + ": no summary");
            }
            op.path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2")) {
                    return;
                }
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        gaps.add(operation + ": " + response.getKey() + " " + media.getKey() + " has no schema");
                    }
                });
            });
        }));
        return gaps;
    }

    /**
     * Operations, outside the kit's audit-trail and exchange-feed paths, without a 2xx answer (an explicit
     * {@code @APIResponse} replaces the generated ones, so declaring only an error drops the success) or without a
     * description.
     */
    public static List<String> operationsWithoutA2xxOrDescription(String document) {
        List<String> without = new ArrayList<>();
        read(document).path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey()) || path.getKey().contains("/audit") || path.getKey().contains("/exchange/")) {
                return;
            }
            String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            List<String> codes = new ArrayList<>();
            entry.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                without.add(operation + ": no 2xx");
            }
            if (entry.getValue().path("description").asText("").isBlank()) {
                without.add(operation + ": no description");
            }
        }));
        return without;
    }

    /** Schema properties with one of these names (what validator methods publish without {@code @JsonIgnore}). */
    public static List<String> propertiesNamed(String document, Set<String> names) {
        List<String> found = new ArrayList<>();
        read(document).path("components").path("schemas").fields().forEachRemaining(schema ->
                schema.getValue().path("properties").fieldNames().forEachRemaining(property -> {
                    if (names.contains(property)) {
                        found.add(schema.getKey() + "." + property);
                    }
                }));
        return found;
    }

    /** Components named with a numeric suffix, as a generator names the loser of a name clash. */
    public static List<String> componentsWithANumericSuffix(String document) {
        List<String> suffixed = new ArrayList<>();
        read(document).path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*[0-9]")) {
                suffixed.add(name);
            }
        });
        return suffixed;
    }

    /**
     * The values a GET operation's query (or path) parameter lists as its enum, following a {@code $ref}; empty when it
     * lists none; an {@link IllegalArgumentException} when the operation has no such parameter.
     */
    public static List<String> parameterEnum(String document, String path, String name) {
        JsonNode root = read(document);
        for (JsonNode candidate : root.path("paths").path(path).path("get").path("parameters")) {
            if (name.equals(candidate.path("name").asText())) {
                JsonNode schema = candidate.path("schema");
                if (schema.has("$ref")) {
                    schema = root.at(schema.path("$ref").asText().substring(1));
                }
                List<String> listed = new ArrayList<>();
                schema.path("enum").forEach(value -> listed.add(value.asText()));
                return listed;
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " on GET " + path);
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
    }
}
