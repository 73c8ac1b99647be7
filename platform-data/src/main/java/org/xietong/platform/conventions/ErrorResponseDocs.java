package org.xietong.platform.conventions;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.xietong.platform.problem.Problem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors every service sends the same way, written into its API document so that an integrator's generator
 * and validator know them: the {@code Problem} schema (RFC 9457) on every error answer, and the error statuses the
 * shared machinery sends, derived from each operation's shape. An operation's own refusals (a 409 on a state
 * change, a 422 on a rule) are declared on the resource method with a description; this gives them the body.
 * <ul>
 *   <li>every operation: 500 for an unexpected fault, 503 when the database is down (with Retry-After);</li>
 *   <li>a secured operation: 401 (with WWW-Authenticate) and 403;</li>
 *   <li>parameters or a body: 400 (malformed or invalid, field errors listed);</li>
 *   <li>a path parameter, or a required query parameter (which names the object read, as {@code ?pairing=}):
 *   404;</li>
 *   <li>an If-Match parameter: 412 (stale) and 428 (missing);</li>
 *   <li>an Idempotency-Key parameter: 422 (the key reused for another request);</li>
 *   <li>a body: 413 (too large) and 415 (another media type).</li>
 * </ul>
 * It also bounds the conventional headers' parameters as the services check them, types response headers
 * declared by name alone, and runs {@link KitEndpointDocs} first.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ErrorResponseDocs implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    private static final String REF = "#/components/schemas/";
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "The request is malformed or invalid; `errors` lists each field refused"),
            Map.entry("401", "No valid bearer token (missing, malformed, expired or not signed by the realm)"),
            Map.entry("403", "The caller's purposes or scope do not cover this operation or object"),
            Map.entry("404", "The object named in the path or query does not exist or is outside the caller's scope"),
            Map.entry("409", "The object's state or another record conflicts with this change"),
            Map.entry("412", "If-Match does not carry the current ETag: read the object again and retry"),
            Map.entry("413", "The body is larger than this operation accepts"),
            Map.entry("415", "The body's media type is not one this operation accepts"),
            Map.entry("422", "The request is well formed but a rule refuses it"),
            Map.entry("428", "If-Match is required: send the ETag you read"),
            Map.entry("500", "An unexpected fault; quote the X-Request-Id (through the gateway) to the operators"),
            Map.entry("503", "The service cannot reach its database; retry after the Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // One filter for both, so the order is fixed: the kit's operations get their security before the errors
        // are derived from it.
        new KitEndpointDocs().filterOpenAPI(openAPI);
        openAPI.getComponents().addSchema(PROBLEM, problemSchema()).addSchema(FIELD_ERROR, fieldErrorSchema());
        openAPI.getPaths().getPathItems().values().forEach(item -> operations(item).forEach(this::declare));
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
    }

    void declare(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        add(responses, "500");
        add(responses, "503").addHeader("Retry-After", header("Seconds to wait before retrying",
                OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(BigDecimal.ONE)));
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401").addHeader("WWW-Authenticate", header("The Bearer challenge, naming the reason",
                    OASFactory.createSchema().addType(SchemaType.STRING).maxLength(512)));
            add(responses, "403");
        }
        if (body || !parameters.isEmpty()) {
            add(responses, "400");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH
                || p.getIn() == Parameter.In.QUERY && Boolean.TRUE.equals(p.getRequired()))) {
            add(responses, "404");
        }
        if (hasHeader(parameters, "If-Match")) {
            add(responses, "412");
            add(responses, "428");
        }
        if (hasHeader(parameters, Idempotency.HEADER)) {
            add(responses, "422");
        }
        if (body) {
            add(responses, "413");
            add(responses, "415");
        }
        bound(parameters);
        responses.getAPIResponses().forEach((status, response) -> {
            typeHeaders(response);
            if (isError(status) && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
        // Statuses in numeric order read better in Swagger UI and in generated code.
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(sorted);
    }

    /** A header declared by name alone (ETag, Location) gets the string it is, so validators can check it. */
    private static void typeHeaders(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().forEach((name, header) -> {
            if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                header.setSchema("Location".equalsIgnoreCase(name)
                        ? string(2048).format("uri-reference") : string(256));
            }
        });
    }

    private static APIResponse add(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null) {
            return existing;
        }
        APIResponse response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status));
        responses.addAPIResponse(status, response);
        return response;
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /** If-Match and Idempotency-Key as the services check them. */
    private static void bound(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (parameter.getIn() != Parameter.In.HEADER) {
                continue;
            }
            if ("If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.description("The ETag you read (a strong tag such as \"3\"); required by the change, "
                        + "428 when missing, 412 when stale")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(256)
                                .pattern("^(\"[0-9]{1,19}\"\\s*,\\s*)*\"[0-9]{1,19}\"$"));
            } else if (Idempotency.HEADER.equalsIgnoreCase(parameter.getName())) {
                parameter.description("Makes a retry safe: the same key with the same request answers the first "
                        + "answer again (with Idempotent-Replayed: true); with another request, 422")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1).maxLength(200)
                                .pattern("^" + Idempotency.KEY_PATTERN + "$"));
            }
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF + PROBLEM)));
    }

    static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. `type` is stable per kind of problem and is what a client "
                        + "branches on; other members (such as `reason` or `service`) may follow.")
                .addProperty("type", string(512).format("uri").description("Identifies the kind of problem"))
                .addProperty("title", string(200).description("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(100)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status"))
                .addProperty("detail", string(4000).description("What went wrong in this occurrence"))
                .addProperty("instance", string(2048).description("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(1000)
                        .items(OASFactory.createSchema().ref(REF + FIELD_ERROR))
                        .description("Each refused field of an invalid request"))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", string(500).description("The field's path in the request, e.g. body.name"))
                .addProperty("message", string(1000).description("Why it was refused"))
                .required(List.of("field", "message"));
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
    }
}
