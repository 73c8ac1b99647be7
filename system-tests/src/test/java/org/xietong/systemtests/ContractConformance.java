package org.xietong.systemtests;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live conformance: every exchange the system tests have with the gateway is validated against the merged document
 * the gateway serves at /openapi (swagger-request-validator), and every violation is kept for
 * {@link ContractConformanceIT}. RestAssured exchanges pass through {@link #filter}; the tests that speak
 * {@code java.net.http} (the matrix, hostile input, exhaustion, faults, soak) hand theirs to {@link #check}.
 * <p>
 * The rules: a response must always match what the document declares for its operation (status, headers, body);
 * a request the document refuses must be refused by the suite too (4xx) — the hostile and validation tests send
 * such requests on purpose, and a 2xx to one means the contract and the code disagree; a request to a path or
 * method the document does not have must get a 4xx. Not validated: calls straight to a service (they are checked
 * against the service's own document by its tests), Keycloak, /q/* and /openapi itself.
 */
public final class ContractConformance {

    record Violation(String operation, int status, String kind, String message) {
    }

    static final AtomicInteger EXCHANGES = new AtomicInteger();
    static final AtomicInteger OUTSIDE_THE_CONTRACT = new AtomicInteger();
    static final AtomicInteger REFUSED_AS_THE_CONTRACT_SAYS = new AtomicInteger();
    static final Set<String> OPERATIONS = ConcurrentHashMap.newKeySet();
    static final List<Violation> VIOLATIONS = new CopyOnWriteArrayList<>();

    private static final Set<String> UNROUTED = Set.of("validation.request.path.missing",
            "validation.response.path.missing", "validation.request.operation.notAllowed",
            "validation.response.operation.notAllowed");

    static final int LARGEST_VALIDATED_BODY = 1 << 20;

    private static volatile String gateway;
    private static volatile OpenApiInteractionValidator validator;
    private static volatile ApiOperationResolver operations;

    private ContractConformance() {
    }

    /** Starts validating the exchanges with the gateway at this base URL. */
    static void watch(String gatewayBase) {
        gateway = gatewayBase;
    }

    static Filter filter() {
        return new Filter() {
            @Override
            public io.restassured.response.Response filter(FilterableRequestSpecification request,
                                                           FilterableResponseSpecification spec, FilterContext context) {
                io.restassured.response.Response response = context.next(request, spec);
                String path = request.getDerivedPath();
                if (validated(request.getURI(), path)) {
                    check(request.getMethod(), path, RestAssuredRequest.of(request), RestAssuredResponse.of(response),
                            response.statusCode());
                }
                return response;
            }
        };
    }

    /** A {@code java.net.http} exchange, with the body the request was sent with ({@code null} for none). */
    public static void check(HttpRequest request, String requestBody, HttpResponse<String> response) {
        check(request, requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8),
                response.statusCode(), response.headers(), response.body() == null ? null
                        : response.body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same for an exchange read as bytes. A request body over {@link #LARGEST_VALIDATED_BODY} is not parsed (the
     * suite refuses far smaller ones; the hostile tests send hundreds of megabytes), so such a request only counts as
     * valid if it was refused.
     */
    static void check(HttpRequest request, byte[] requestBody, int status, HttpHeaders responseHeaders,
                      byte[] responseBody) {
        URI uri = request.uri();
        if (!validated(uri.toString(), uri.getRawPath())) {
            return;
        }
        SimpleRequest.Builder sent = new SimpleRequest.Builder(request.method(), uri.getRawPath());
        request.headers().map().forEach(sent::withHeader);
        query(uri).forEach(sent::withQueryParam);
        if (requestBody != null && requestBody.length <= LARGEST_VALIDATED_BODY) {
            sent.withBody(requestBody);
        }
        SimpleResponse.Builder answered = new SimpleResponse.Builder(status);
        responseHeaders.map().forEach(answered::withHeader);
        if (responseBody != null && responseBody.length > 0) {
            answered.withBody(responseBody);
        }
        check(request.method(), uri.getRawPath(), sent.build(), answered.build(), status);
    }

    private static void check(String method, String path, Request request, Response response, int status) {
        OpenApiInteractionValidator contract = validator();
        ValidationReport requestReport = contract.validateRequest(request);
        String operation = method.toUpperCase(Locale.ROOT) + " " + path;
        EXCHANGES.incrementAndGet();
        if (requestReport.getMessages().stream().anyMatch(message -> UNROUTED.contains(message.getKey()))) {
            OUTSIDE_THE_CONTRACT.incrementAndGet();
            if (status < 400 || status >= 500) {
                VIOLATIONS.add(new Violation(operation, status, "unrouted",
                        "a path or method the document does not have must get a 4xx"));
            }
            return;
        }
        ApiOperationMatch match = operations.findApiOperation(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)));
        if (match.isOperationAllowed()) {
            OPERATIONS.add(method.toUpperCase(Locale.ROOT) + " " + match.getApiOperation().getApiPath().original());
        }
        List<ValidationReport.Message> requestErrors = errors(requestReport);
        if (!requestErrors.isEmpty()) {
            if (status < 400) {
                requestErrors.forEach(message -> VIOLATIONS.add(new Violation(operation, status,
                        "accepted-invalid-request " + message.getKey(), message.getMessage())));
            } else {
                REFUSED_AS_THE_CONTRACT_SAYS.incrementAndGet();
            }
        }
        Request.Method verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        errors(contract.validateResponse(path, verb, response)).forEach(message -> VIOLATIONS.add(
                new Violation(operation, status, message.getKey(), message.getMessage())));
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .toList();
    }

    private static boolean validated(String uri, String path) {
        String base = gateway;
        return base != null && uri.startsWith(base) && !path.startsWith("/q/") && !path.equals("/openapi");
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (ContractConformance.class) {
                if (validator == null) {
                    operations = new ApiOperationResolver(new OpenAPIV3Parser().read(gateway + "/openapi"), null, false);
                    validator = OpenApiInteractionValidator.createForSpecificationUrl(gateway + "/openapi").build();
                }
            }
        }
        return validator;
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }
}
