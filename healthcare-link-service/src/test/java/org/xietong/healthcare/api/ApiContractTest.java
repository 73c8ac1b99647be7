package org.xietong.healthcare.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.ApiDocument;
import org.xietong.healthcare.consortium.ConsortiumInvitation;
import org.xietong.healthcare.consortium.ConsortiumKind;
import org.xietong.healthcare.consultation.ConsultationStatus;
import org.xietong.healthcare.institution.Capability;
import org.xietong.healthcare.ltc.LtcRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApiContractTest {

    /** The names the request records' @AssertTrue methods would publish as properties without @JsonIgnore. */
    private static final Set<String> VALIDATOR_NAMES = Set.of("consultantElsewhere", "patientRefOpaque",
            "endDateAfterStart", "specialtyGiven", "weekdayGiven", "intervalGiven", "datesGiven");

    @Test
    void everyHealthcareOperationHasAnOperationIdASummaryAndATyped2xx() {
        // The kit's audit-trail and exchange-feed resources are the integrator's to fix.
        List<String> gaps = ApiDocument.contractGaps(document()).stream()
                .filter(gap -> !gap.contains("/audit") && !gap.contains("/exchange/"))
                .toList();
        assertTrue(gaps.isEmpty(), "contract gaps:\n" + String.join("\n", gaps));
    }

    @Test
    void everyHealthcareOperationDeclaresA2xxAndADescription() throws Exception {
        // An explicit @APIResponse replaces the generated ones: declaring only an error would drop the success.
        List<String> without = new ArrayList<>();
        new ObjectMapper().readTree(document()).path("paths").fields().forEachRemaining(path ->
                path.getValue().fields().forEachRemaining(operation -> {
                    JsonNode responses = operation.getValue().path("responses");
                    if (responses.isObject() && !path.getKey().contains("/audit") && !path.getKey().contains("/exchange/")) {
                        List<String> codes = new ArrayList<>();
                        responses.fieldNames().forEachRemaining(codes::add);
                        if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                            without.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": no 2xx");
                        }
                        if (operation.getValue().path("description").asText("").isBlank()) {
                            without.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": no description");
                        }
                    }
                }));
        assertTrue(without.isEmpty(), "operations without a success response or a description: " + without);
    }

    @Test
    void noSchemaPublishesAValidatorMethodAsAProperty() throws Exception {
        List<String> found = new ArrayList<>();
        new ObjectMapper().readTree(document()).path("components").path("schemas").fields().forEachRemaining(schema ->
                schema.getValue().path("properties").fieldNames().forEachRemaining(property -> {
                    if (VALIDATOR_NAMES.contains(property)) {
                        found.add(schema.getKey() + "." + property);
                    }
                }));
        assertTrue(found.isEmpty(), "validator pseudo-properties: " + found);
    }

    @Test
    void noComponentIsNamedWithANumericSuffix() throws Exception {
        List<String> suffixed = new ArrayList<>();
        new ObjectMapper().readTree(document()).path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*[0-9]")) {
                suffixed.add(name);
            }
        });
        assertTrue(suffixed.isEmpty(), "components a generator would name after a clash: " + suffixed);
    }

    static Stream<Arguments> enumQueryParameters() {
        return Stream.of(
                Arguments.of("/api/v1/healthcare/institutions", "capability", Capability.class),
                Arguments.of("/api/v1/healthcare/consortia", "kind", ConsortiumKind.class),
                Arguments.of("/api/v1/healthcare/consortium-invitations", "status", ConsortiumInvitation.Status.class),
                Arguments.of("/api/v1/healthcare/consultations", "status", ConsultationStatus.class),
                Arguments.of("/api/v1/healthcare/ltc/requests", "status", LtcRequest.Status.class));
    }

    @ParameterizedTest(name = "{0} ?{1}")
    @MethodSource("enumQueryParameters")
    void anEnumQueryParameterListsItsValues(String path, String name, Class<? extends Enum<?>> type) throws Exception {
        JsonNode root = new ObjectMapper().readTree(document());
        JsonNode parameter = null;
        for (JsonNode candidate : root.path("paths").path(path).path("get").path("parameters")) {
            if (name.equals(candidate.path("name").asText()) && "query".equals(candidate.path("in").asText())) {
                parameter = candidate;
            }
        }
        assertTrue(parameter != null, "no query parameter " + name + " on GET " + path);
        JsonNode schema = parameter.path("schema");
        if (schema.has("$ref")) {
            schema = root.path("components").path("schemas")
                    .path(schema.path("$ref").asText().substring("#/components/schemas/".length()));
        }
        List<String> listed = new ArrayList<>();
        schema.path("enum").forEach(value -> listed.add(value.asText()));
        assertEquals(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), listed);
    }

    private static String document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
    }
}
