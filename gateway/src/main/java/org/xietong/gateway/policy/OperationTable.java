package org.xietong.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * One service's operations as its own API document states them: method, path template and the purposes its
 * {@code @RolesAllowed} allows (each operation's {@code security} requirement lists them). A path matches a template
 * segment by segment, {@code {x}} standing for exactly one segment and a literal segment winning over a template at
 * the same place (as the services' own routing does); the method is looked up on the path that matched. Built once
 * per fetched document and never changed, so a request only walks a few hash maps, without a pattern.
 */
public final class OperationTable {

    private static final Set<String> METHODS =
            Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE");

    /** One operation; no purposes means the document declares none, and then no one may call it. */
    public record Operation(String method, String template, Set<String> purposes) {

        public boolean declaresPurpose() {
            return !purposes.isEmpty();
        }

        /** Whether a caller holding these roles (purposes included, see PurposeAugmentor) may call it. */
        public boolean allows(Set<String> callerRoles) {
            for (String purpose : purposes) {
                if (callerRoles.contains(purpose)) {
                    return true;
                }
            }
            return false;
        }

        public String name() {
            return method + " " + template;
        }
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node template;
        final Map<String, Operation> byMethod = new HashMap<>();
    }

    private final Node root = new Node();
    private final List<Operation> operations;

    private OperationTable(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        for (Operation operation : operations) {
            Node node = root;
            for (String segment : RouteLimits.segments(operation.template())) {
                if (isTemplate(segment)) {
                    node = node.template == null ? (node.template = new Node()) : node.template;
                } else {
                    node = node.literals.computeIfAbsent(segment, s -> new Node());
                }
            }
            node.byMethod.put(operation.method(), operation);
        }
    }

    public static OperationTable of(List<Operation> operations) {
        return new OperationTable(operations);
    }

    /**
     * The operations of an OpenAPI document whose paths lie under {@code prefix} (the rest, e.g. /q/health, is not
     * routed through the gateway). An operation without a {@code security} of its own takes the document's.
     */
    public static OperationTable fromOpenApi(JsonNode document, String prefix) {
        List<Operation> operations = new ArrayList<>();
        JsonNode documentSecurity = document.path("security");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String template = path.getKey();
            if (!(template.equals(prefix) || template.startsWith(prefix + "/"))) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonNode security = operation.getValue().has("security")
                        ? operation.getValue().get("security") : documentSecurity;
                operations.add(new Operation(method, template, purposes(security)));
            }
        }
        return new OperationTable(operations);
    }

    /** Every name any requirement's scheme lists: any one of them lets a caller through. */
    private static Set<String> purposes(JsonNode security) {
        Set<String> purposes = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.forEach(scheme -> scheme.forEach(name -> {
            if (name.isTextual() && !name.asText().isBlank()) {
                purposes.add(name.asText());
            }
        })));
        return Collections.unmodifiableSet(purposes);
    }

    public List<Operation> operations() {
        return operations;
    }

    /**
     * The operation a request addresses; HEAD falls back to GET as the services serve it. Empty when no template
     * matches the path or the matching path has no such method.
     */
    public Optional<Operation> find(String method, String path) {
        Node node = match(root, path, 0);
        if (node == null) {
            return Optional.empty();
        }
        Operation operation = node.byMethod.get(method);
        if (operation == null && method.equals("HEAD")) {
            operation = node.byMethod.get("GET");
        }
        return Optional.ofNullable(operation);
    }

    /** The node of the path's remaining segments from {@code from}: literal first, the template if that leads nowhere. */
    private static Node match(Node node, String path, int from) {
        int start = from;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        if (start >= path.length()) {
            return node.byMethod.isEmpty() ? null : node;
        }
        int end = path.indexOf('/', start);
        if (end < 0) {
            end = path.length();
        }
        Node literal = node.literals.get(path.substring(start, end));
        if (literal != null) {
            Node found = match(literal, path, end);
            if (found != null) {
                return found;
            }
        }
        return node.template == null ? null : match(node.template, path, end);
    }

    private static boolean isTemplate(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
