package org.xietong.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationTableTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/api/v1/healthcare/ltc/requests": {
                "get": {"security": [{"SecurityScheme": ["healthcare:ltc", "healthcare:ltc-decide"]}]},
                "post": {"security": [{"SecurityScheme": ["healthcare:ltc"]}]}},
              "/api/v1/healthcare/ltc/requests/{id}": {"get": {"security": [{"SecurityScheme": ["healthcare:ltc"]}]}},
              "/api/v1/healthcare/ltc/requests/{id}/result": {
                "post": {"security": [{"SecurityScheme": ["healthcare:ltc-assess"]}]}},
              "/api/v1/healthcare/ltc/requests/pending": {
                "get": {"security": [{"SecurityScheme": ["healthcare:ltc-decide"]}]}},
              "/api/v1/healthcare/{area}/summary": {"get": {"security": [{"SecurityScheme": ["healthcare:read"]}]}},
              "/api/v1/healthcare/institutions": {"get": {}, "x-note": {"security": [{"SecurityScheme": ["x"]}]}},
              "/api/v1/healthcare/open": {"get": {"security": [{"SecurityScheme": []}]}},
              "/q/health/ready": {"get": {"security": [{"SecurityScheme": ["healthcare:read"]}]}}
            }}""";

    private final OperationTable table = OperationTable.fromOpenApi(parse(DOCUMENT), "/api/v1/healthcare");

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String find(String method, String path) {
        return table.find(method, path).map(OperationTable.Operation::name).orElse("none");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/healthcare/ltc/requests, GET /api/v1/healthcare/ltc/requests",
            "GET, /api/v1/healthcare/ltc/requests/, GET /api/v1/healthcare/ltc/requests",
            "GET, /api/v1/healthcare/ltc/requests/42, GET /api/v1/healthcare/ltc/requests/{id}",
            "POST, /api/v1/healthcare/ltc/requests/42/result, POST /api/v1/healthcare/ltc/requests/{id}/result",
            "HEAD, /api/v1/healthcare/ltc/requests/42, GET /api/v1/healthcare/ltc/requests/{id}",
    })
    void aTemplateSegmentStandsForExactlyOneSegment(String method, String path, String operation) {
        assertEquals(operation, find(method, path));
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        assertEquals("GET /api/v1/healthcare/ltc/requests/pending", find("GET", "/api/v1/healthcare/ltc/requests/pending"));
        assertEquals(Set.of("healthcare:ltc-decide"), table.find("GET", "/api/v1/healthcare/ltc/requests/pending")
                .orElseThrow().purposes());
    }

    @Test
    void aTemplateIsTriedWhenTheLiteralPathLeadsNowhere() {
        // "ltc" is a literal segment, but no operation lies at ltc/summary below it; the {area} template matches.
        assertEquals("GET /api/v1/healthcare/{area}/summary", find("GET", "/api/v1/healthcare/ltc/summary"));
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/healthcare/ltc/requests/42/result",
            "DELETE, /api/v1/healthcare/ltc/requests",
            "GET, /api/v1/healthcare/ltc/requests/42/result/extra",
            "GET, /api/v1/healthcare/ltc",
            "GET, /api/v1/healthcare",
            "GET, /q/health/ready",
            "GET, /api/v1/healthcare/ltc/requests;x=1/42",
    })
    void aRequestMatchingNoOperationFindsNothing(String method, String path) {
        assertEquals("none", find(method, path));
    }

    @Test
    void anOperationWithoutSecurityOrWithAnEmptyListDeclaresNoPurpose() {
        assertFalse(table.find("GET", "/api/v1/healthcare/institutions").orElseThrow().declaresPurpose());
        assertFalse(table.find("GET", "/api/v1/healthcare/open").orElseThrow().declaresPurpose());
        assertFalse(table.find("GET", "/api/v1/healthcare/open").orElseThrow().allows(Set.of("platform-admin")));
    }

    @Test
    void aCallerNeedsOneOfTheListedPurposes() {
        OperationTable.Operation list = table.find("GET", "/api/v1/healthcare/ltc/requests").orElseThrow();
        assertTrue(list.allows(Set.of("insurance-officer", "healthcare:ltc-decide")));
        assertFalse(list.allows(Set.of("insurance-officer", "healthcare:read")));
    }

    @Test
    void anOperationWithoutItsOwnSecurityTakesTheDocuments() {
        OperationTable inherited = OperationTable.fromOpenApi(parse("""
                {"openapi": "3.1.0", "security": [{"jwt": ["pairing:read"]}],
                 "paths": {"/api/v1/pairing/schools": {"get": {}}}}"""), "/api/v1/pairing");
        assertEquals(Set.of("pairing:read"), inherited.find("GET", "/api/v1/pairing/schools").orElseThrow().purposes());
    }
}
