package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of the gateway's merged OpenAPI document, with what the matrix needs of it: the purposes the service
 * declares for it ({@code security: jwt: [...]}, from its {@code @RolesAllowed}), its path and required
 * query parameters, and whether it answers a page of items.
 */
record MatrixOperation(String method, String template, Set<String> declaredPurposes, List<String> pathParams,
                       List<String> requiredQuery, JsonNode requestSchema, String mediaType, boolean paged) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    String name() {
        return method + " " + template;
    }

    boolean read() {
        return method.equals("GET");
    }

    static List<MatrixOperation> from(JsonNode doc) {
        List<MatrixOperation> out = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode o = op.getValue();
            Set<String> roles = new TreeSet<>();
            o.path("security").forEach(s -> s.properties().forEach(scheme -> scheme.getValue()
                    .forEach(role -> roles.add(role.asText()))));
            List<String> pathParams = new ArrayList<>();
            List<String> required = new ArrayList<>();
            List<JsonNode> params = new ArrayList<>();
            path.getValue().path("parameters").forEach(params::add);
            o.path("parameters").forEach(params::add);
            for (JsonNode p : params) {
                if (p.path("in").asText().equals("path")) {
                    pathParams.add(p.path("name").asText());
                } else if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
                    required.add(p.path("name").asText());
                }
            }
            // In the order the path names them: the first is the object, later ones are parts of it.
            pathParams.sort(java.util.Comparator.comparingInt(name -> path.getKey().indexOf("{" + name + "}")));
            JsonNode schema = null;
            String mediaType = null;
            var content = o.path("requestBody").path("content").properties().iterator();
            if (content.hasNext()) {
                var first = content.next();
                mediaType = first.getKey();
                schema = first.getValue().path("schema");
            }
            JsonNode answer = o.path("responses").path("200").path("content");
            boolean paged = answer.toString().contains("\"items\"") || answer.toString().contains("Page");
            out.add(new MatrixOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), roles, pathParams,
                    required, schema, mediaType, paged));
        }));
        return out;
    }
}
