package org.xietong.gateway.routing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xietong.platform.security.Purpose;

import java.util.Arrays;
import java.util.List;

/**
 * The API documents the echo upstreams serve at /q/openapi, from which the gateway takes each operation's purposes.
 * Every path up to four segments below a service's prefix is an operation (any method) open to all of that
 * service's purposes, so the routing tests can use made-up paths; a few operations are narrower, for the purpose
 * tests: LTC requests ({@code healthcare:ltc}), their results ({@code healthcare:ltc-assess}), matching runs
 * ({@code rotation:govern}) and one operation that declares no purpose.
 */
public final class EchoApiDocuments {

    public static final String UNDECLARED = "/api/v1/pairing/undeclared";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EchoApiDocuments() {
    }

    public static String document(String service) {
        ObjectNode document = JSON.objectNode().put("openapi", "3.1.0");
        document.putObject("info").put("title", "echo " + service).put("version", "1");
        ObjectNode paths = document.putObject("paths");
        String prefix = "/api/v1/" + service;
        String[] everyPurpose = Arrays.stream(Purpose.values()).map(Purpose::purposeName)
                .filter(name -> name.startsWith(service + ":")).toArray(String[]::new);
        StringBuilder template = new StringBuilder(prefix);
        for (int depth = 0; depth <= 4; depth++) {
            if (depth > 0) {
                template.append("/{p").append(depth).append('}');
            }
            for (String method : METHODS) {
                operation(paths, template.toString(), method, everyPurpose);
            }
        }
        switch (service) {
            case "healthcare" -> {
                operation(paths, "/api/v1/healthcare/ltc/requests", "get", Purpose.Names.HEALTHCARE_LTC);
                operation(paths, "/api/v1/healthcare/ltc/requests", "post", Purpose.Names.HEALTHCARE_LTC);
                operation(paths, "/api/v1/healthcare/ltc/requests/{id}/result", "post",
                        Purpose.Names.HEALTHCARE_LTC_ASSESS);
            }
            case "rotation" -> {
                operation(paths, "/api/v1/rotation/matching-runs", "get", Purpose.Names.ROTATION_READ);
                operation(paths, "/api/v1/rotation/matching-runs", "post", Purpose.Names.ROTATION_GOVERN);
            }
            case "pairing" -> pathItem(paths, UNDECLARED).putObject("get")
                    .putObject("responses").putObject("200").put("description", "OK");
            default -> throw new IllegalArgumentException(service);
        }
        return document.toString();
    }

    private static ObjectNode pathItem(ObjectNode paths, String template) {
        return paths.has(template) ? (ObjectNode) paths.get(template) : paths.putObject(template);
    }

    private static void operation(ObjectNode paths, String template, String method, String... purposes) {
        ObjectNode operation = pathItem(paths, template).putObject(method);
        var names = operation.putArray("security").addObject().putArray("SecurityScheme");
        Arrays.stream(purposes).forEach(names::add);
        operation.putObject("responses").putObject("200").put("description", "OK");
    }
}
