package org.xietong.systemtests;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live conformance: validates the suite's exchanges through the gateway against the merged document the gateway
 * serves at /openapi (swagger-request-validator), and collects every violation for {@link ContractConformanceIT}.
 * Not validated: calls straight to a service (not the gateway's base URL), Keycloak, /q/* and /openapi itself.
 * The document is loaded lazily on the first validated exchange, once the stack is up.
 */
final class ContractConformance {

    record Violation(String operation, int status, String kind, String message) {
    }

    static final AtomicInteger EXCHANGES = new AtomicInteger();
    static final Set<String> OPERATIONS = ConcurrentHashMap.newKeySet();
    static final List<Violation> VIOLATIONS = new CopyOnWriteArrayList<>();

    private static volatile OpenApiInteractionValidator validator;

    private ContractConformance() {
    }

    static Filter filter(String gateway) {
        return new Filter() {
            @Override
            public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification spec,
                                   FilterContext context) {
                Response response = context.next(request, spec);
                if (validated(gateway, request.getURI(), request.getDerivedPath())) {
                    record(request.getMethod() + " " + request.getDerivedPath(), response.statusCode(),
                            validator(gateway).validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response)));
                }
                return response;
            }
        };
    }

    private static boolean validated(String gateway, String uri, String path) {
        return uri.startsWith(gateway) && !path.startsWith("/q/") && !path.equals("/openapi");
    }

    private static OpenApiInteractionValidator validator(String gateway) {
        if (validator == null) {
            synchronized (ContractConformance.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForSpecificationUrl(gateway + "/openapi").build();
                }
            }
        }
        return validator;
    }

    private static void record(String operation, int status, ValidationReport report) {
        EXCHANGES.incrementAndGet();
        OPERATIONS.add(operation);
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> VIOLATIONS.add(new Violation(operation, status, message.getKey(),
                        message.getMessage())));
    }
}
