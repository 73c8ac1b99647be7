package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.xietong.gateway.observability.RequestObservation;
import org.xietong.platform.security.Purpose;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one the gateway serves: each service's paths under its prefix,
 * the tags, and the components. A component name two services use for different content is renamed
 * {@code <Service><Name>} in each of them (refs included); identical ones are kept once. The services' own
 * security schemes give way to Keycloak's login (authorization code) and a plain bearer token.
 */
public final class OpenApiMerger {

    static final String OAUTH2 = "keycloak";
    static final String BEARER = "jwt";
    static final String UNAVAILABLE = "x-xietong-unavailable";
    static final String PURPOSES = "x-xietong-purposes";
    private static final String REQUEST_ID = RequestObservation.REQUEST_ID;
    private static final String COMPONENTS_REF = "#/components/";
    private static final Set<String> OPERATIONS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One service's document as it served it. */
    public record ServiceDocument(String service, String prefix, JsonNode document) {
    }

    private final Optional<String> realmUrl;

    /** @param realmUrl the Keycloak realm browsers log in to; without it only the bearer scheme is offered */
    public OpenApiMerger(Optional<String> realmUrl) {
        this.realmUrl = realmUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public ObjectNode merge(List<ServiceDocument> documents, List<String> unavailable) {
        // By service name, whatever order they were loaded in: the same documents always merge into the same bytes,
        // so the build's merge (module clients) and the gateway's can be compared.
        documents = documents.stream().sorted(Comparator.comparing(ServiceDocument::service)).toList();
        Map<String, Map<String, String>> renames = renames(documents);
        ObjectNode paths = JSON.objectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        ObjectNode components = JSON.objectNode();
        for (ServiceDocument service : documents) {
            Map<String, String> renamed = renames.get(service.service());
            JsonNode document = rewriteRefs(service.document(), renamed);
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                if (underPrefix(path.getKey(), service.prefix())) {
                    paths.set(path.getKey(), withGatewayAnswers(withGatewaySecurity(path.getValue())));
                }
            }
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            for (Map.Entry<String, JsonNode> type : document.path("components").properties()) {
                if (type.getKey().equals("securitySchemes")) {
                    continue;
                }
                ObjectNode into = components.has(type.getKey())
                        ? (ObjectNode) components.get(type.getKey()) : components.putObject(type.getKey());
                for (Map.Entry<String, JsonNode> component : type.getValue().properties()) {
                    String name = renamed.getOrDefault(ref(type.getKey(), component.getKey()), component.getKey());
                    into.set(name, component.getValue());
                }
            }
        }

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", documents.stream().map(d -> d.document().path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.1.0"));
        merged.putObject("info")
                .put("title", "Xietong API")
                .put("version", "1")
                .put("description", "School pairing, teacher rotation and cross-region healthcare through the "
                        + "gateway, merged from the services' own documents.");
        merged.putArray("servers").addObject().put("url", "/")
                .put("description", "This gateway, where the document is served (production, or the local devstack "
                        + "on port 8080)")
                .put("x-internal", false);
        merged.set("security", securityRequirement(Set.of()));
        merged.putArray("tags").addAll(tags.values());
        merged.set("paths", paths);
        components.set("securitySchemes", securitySchemes());
        merged.set("components", components);
        ArrayNode down = merged.putArray(UNAVAILABLE);
        unavailable.forEach(down::add);
        return merged;
    }

    private static boolean underPrefix(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * Per service: the new name of each of its components whose name another service uses for different content.
     * Renaming changes the refs inside other components, which may then differ in turn, so this repeats until
     * nothing more differs.
     */
    static Map<String, Map<String, String>> renames(List<ServiceDocument> documents) {
        Set<String> clashing = new HashSet<>();
        while (true) {
            Map<String, Map<String, String>> renames = newNames(documents, clashing);
            if (!findClashes(documents, renames, clashing)) {
                return renames;
            }
        }
    }

    /** {@code <Service><Name>}, or with a number after it when a service already has a component of that name. */
    private static Map<String, Map<String, String>> newNames(List<ServiceDocument> documents, Set<String> clashing) {
        Set<String> taken = new HashSet<>();
        for (ServiceDocument service : documents) {
            for (Map.Entry<String, JsonNode> type : service.document().path("components").properties()) {
                type.getValue().properties().forEach(component -> taken.add(ref(type.getKey(), component.getKey())));
            }
        }
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        for (ServiceDocument service : documents) {
            Map<String, String> own = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> type : service.document().path("components").properties()) {
                for (Map.Entry<String, JsonNode> component : type.getValue().properties()) {
                    String ref = ref(type.getKey(), component.getKey());
                    if (clashing.contains(ref)) {
                        String base = capitalised(service.service()) + component.getKey();
                        String name = base;
                        for (int n = 2; !taken.add(ref(type.getKey(), name)); n++) {
                            name = base + n;
                        }
                        own.put(ref, name);
                    }
                }
            }
            renames.put(service.service(), own);
        }
        return renames;
    }

    /** Adds the components whose content differs between services once refs are renamed; true if it found any. */
    private static boolean findClashes(List<ServiceDocument> documents, Map<String, Map<String, String>> renames,
                                       Set<String> clashing) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        boolean found = false;
        for (ServiceDocument service : documents) {
            JsonNode components = rewriteRefs(service.document().path("components"), renames.get(service.service()));
            for (Map.Entry<String, JsonNode> type : components.properties()) {
                if (type.getKey().equals("securitySchemes")) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> component : type.getValue().properties()) {
                    String ref = ref(type.getKey(), component.getKey());
                    JsonNode first = seen.putIfAbsent(ref, component.getValue());
                    if (first != null && !first.equals(component.getValue()) && clashing.add(ref)) {
                        found = true;
                    }
                }
            }
        }
        return found;
    }

    private static String ref(String type, String name) {
        return COMPONENTS_REF + type + "/" + name;
    }

    private static String capitalised(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }

    /** A copy with every string naming a renamed component ($ref, discriminator mappings) pointing at its new name. */
    static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node.isTextual() && node.asText().startsWith(COMPONENTS_REF)) {
            String renamed = renames.get(node.asText());
            return renamed == null ? node
                    : TextNode.valueOf(node.asText().substring(0, node.asText().lastIndexOf('/') + 1) + renamed);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), rewriteRefs(field.getValue(), renames));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            node.forEach(item -> copy.add(rewriteRefs(item, renames)));
            return copy;
        }
        return node;
    }

    /**
     * Operations that required the service's own scheme now require the gateway's. The purpose the service listed
     * becomes an OAuth2 scope of the Keycloak login (and {@code x-xietong-purposes}, for readers without OAuth2);
     * a pasted bearer token is the other way in. Without a realm to log in to, the bearer requirement names the
     * purposes (OpenAPI 3.1 allows roles there). Public operations stay public.
     */
    private JsonNode withGatewaySecurity(JsonNode pathItem) {
        ObjectNode copy = pathItem.deepCopy();
        for (Map.Entry<String, JsonNode> operation : copy.properties()) {
            JsonNode security = operation.getValue().get("security");
            if (OPERATIONS.contains(operation.getKey()) && security != null && !security.isEmpty()) {
                Set<String> purposes = new LinkedHashSet<>();
                security.forEach(requirement -> requirement.forEach(scheme -> scheme.forEach(r -> purposes.add(r.asText()))));
                ObjectNode op = (ObjectNode) operation.getValue();
                op.set("security", securityRequirement(purposes));
                ArrayNode listed = op.putArray(PURPOSES);
                purposes.forEach(listed::add);
            }
        }
        return copy;
    }

    /**
     * What the gateway itself may answer on every operation, declared on it: 429 when a rate limit is used up,
     * 503 when the service is down or busy, 504 when it does not answer in time, and on operations with a body 408
     * (sent too slowly) and 413 (over the route's limit). Every answer carries X-Request-Id, and those that reached
     * the rate limiter RateLimit-Limit, -Remaining and -Reset, and those to an allowed web origin
     * Access-Control-Allow-Origin; a caller may send its own X-Request-Id.
     */
    private static JsonNode withGatewayAnswers(JsonNode pathItem) {
        for (Map.Entry<String, JsonNode> entry : pathItem.properties()) {
            if (!OPERATIONS.contains(entry.getKey()) || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode operation = (ObjectNode) entry.getValue();
            ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                    : operation.putArray("parameters");
            boolean declared = false;
            for (JsonNode parameter : parameters) {
                declared |= REQUEST_ID.equalsIgnoreCase(parameter.path("name").asText());
            }
            if (!declared) {
                ObjectNode requestId = parameters.addObject().put("name", REQUEST_ID).put("in", "header")
                        .put("required", false)
                        .put("description", "Your id for this request, echoed in the answer and the logs; "
                                + "the gateway makes one when absent or malformed");
                requestId.putObject("schema").put("type", "string").put("maxLength", 128)
                        .put("pattern", "^" + RequestObservation.SANE_ID_PATTERN + "$");
            }
            ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                    : operation.putObject("responses");
            gatewayError(responses, "429", "A rate limit is used up; retry after Retry-After seconds", true);
            gatewayError(responses, "503", "The service is down, busy or unreachable (or its database is); retry "
                    + "after Retry-After seconds", true);
            gatewayError(responses, "504", "The service did not answer in time", false);
            if (operation.has("requestBody")) {
                gatewayError(responses, "408", "The body arrived too slowly", false);
                gatewayError(responses, "413", "The body is larger than this operation accepts", false);
            }
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                ObjectNode headers = response.getValue().has("headers")
                        ? (ObjectNode) response.getValue().get("headers")
                        : ((ObjectNode) response.getValue()).putObject("headers");
                headers.set(REQUEST_ID, header("The request's id (the caller's or one the gateway made)", true,
                        string(128)));
                headers.set("RateLimit-Limit", header("Requests the caller's tighter rate-limit bucket holds when "
                        + "full", false, count()));
                headers.set("RateLimit-Remaining", header("Requests left in that bucket", false, count()));
                headers.set("RateLimit-Reset", header("Seconds until that bucket is full again", false, count()));
                headers.set("Access-Control-Allow-Origin", header("The calling web origin, when it is one the "
                        + "gateway allows (xietong CORS origins); absent otherwise", false, string(2048)));
            }
        }
        return pathItem;
    }

    private static ObjectNode string(int maxLength) {
        return JSON.objectNode().put("type", "string").put("maxLength", maxLength);
    }

    private static ObjectNode count() {
        return JSON.objectNode().put("type", "integer").put("format", "int64").put("minimum", 0)
                .put("maximum", Integer.MAX_VALUE);
    }

    private static void gatewayError(ObjectNode responses, String status, String description, boolean retryAfter) {
        ObjectNode response = responses.has(status) ? (ObjectNode) responses.get(status) : responses.putObject(status);
        if (!response.has("description")) {
            response.put("description", description);
        }
        if (!response.has("content")) {
            response.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", COMPONENTS_REF + "schemas/Problem");
        }
        if (retryAfter) {
            ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers")
                    : response.putObject("headers");
            headers.set("Retry-After", header("Seconds to wait before retrying", false, count()));
        }
    }

    private static ObjectNode header(String description, boolean required, ObjectNode schema) {
        ObjectNode header = JSON.objectNode().put("description", description);
        if (required) {
            header.put("required", true);
        }
        header.set("schema", schema);
        return header;
    }

    /** Either scheme will do: the Keycloak login with the purpose as its scope, or a token pasted in. */
    private ArrayNode securityRequirement(Set<String> purposes) {
        ArrayNode requirement = JSON.arrayNode();
        realmUrl.ifPresent(url -> {
            ArrayNode scopes = requirement.addObject().putArray(OAUTH2);
            purposes.forEach(scopes::add);
        });
        ArrayNode bearer = requirement.addObject().putArray(BEARER);
        if (realmUrl.isEmpty()) {
            purposes.forEach(bearer::add);
        }
        return requirement;
    }

    private ObjectNode securitySchemes() {
        ObjectNode schemes = JSON.objectNode();
        realmUrl.ifPresent(url -> {
            ObjectNode oauth2 = schemes.putObject(OAUTH2)
                    .put("type", "oauth2")
                    .put("description", "Log in through Keycloak (realm xietong; public client xietong-cli with PKCE). "
                            + "Access tokens are short-lived RS256-signed JWTs, checked as RFC8725 advises "
                            + "(signature, issuer, audience, expiry; no 'none' algorithm).");
            ObjectNode flow = oauth2.putObject("flows").putObject("authorizationCode")
                    .put("authorizationUrl", url + "/protocol/openid-connect/auth")
                    .put("tokenUrl", url + "/protocol/openid-connect/token")
                    .put("refreshUrl", url + "/protocol/openid-connect/token");
            // Purposes are held as realm roles, not requested as scopes; listed here so that a reader (and Swagger
            // UI) sees what each operation needs and what each purpose means.
            ObjectNode scopes = flow.putObject("scopes");
            for (Purpose purpose : Purpose.values()) {
                scopes.put(purpose.purposeName(), purpose.description());
            }
        });
        schemes.putObject(BEARER)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "A Keycloak access token, e.g. from ./xietong token <user>: a short-lived "
                        + "RS256-signed JWT, checked as RFC8725 advises (signature, issuer, audience, expiry).");
        return schemes;
    }
}
