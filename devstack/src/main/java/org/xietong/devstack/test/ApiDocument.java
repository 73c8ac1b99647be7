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
}
