package org.xietong.gateway.policy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.OidcTestResource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.gateway.routing.EchoUpstreamResource;
import org.xietong.gateway.routing.GatewayRoutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of the configured route table against every realm role, over HTTP with signed tokens. */
@QuarkusTest
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EchoUpstreamResource.class, scope = TestResourceScope.GLOBAL)
class RouteTableTest {

    static final List<String> ROLES = List.of("platform-admin", "education-officer", "school-admin", "teacher",
            "health-officer", "insurance-officer", "institution-staff", "ltc-assessor", "partner-system");

    private final GatewayRoutes routes;

    RouteTableTest(GatewayRoutes routes) {
        this.routes = routes;
    }

    private static Response call(String role, String method, String path) {
        String token = TestTokens.user("cell-" + role, role).client("client-" + role).sign();
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").request(method, path);
    }

    @Test
    void everyRoleGetsExactlyWhatEachRuleSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (RoutePolicy.Rule rule : routes.policy().rules()) {
            String path = rule.pattern().replace("*", "1");
            String method = rule.methods().isEmpty() ? "POST" : rule.methods().stream().sorted().findFirst().orElseThrow();
            assertEquals(rule.name(), routes.policy().decide(method, path, Set.of()).rule().orElseThrow().name(),
                    "the probe for " + rule.name() + " must land on that rule");
            for (String role : ROLES) {
                boolean expected = rule.roles().contains(role) || role.equals("platform-admin");
                Response response = call(role, method, path);
                int status = response.statusCode();
                boolean passed = status == 200 && response.jsonPath().getString("path").equals(path);
                boolean refused = status == 403 && response.contentType().startsWith("application/problem+json");
                if (expected ? !passed : !refused) {
                    wrong.add(rule.name() + " " + method + " " + path + " as " + role + ": " + status);
                }
                cells++;
            }
        }
        assertTrue(wrong.isEmpty(), "cells that disagree with the table: " + wrong);
        assertEquals(routes.policy().rules().size() * ROLES.size(), cells);
    }

    @Test
    void theTableSaysWhatTheProductPromises() {
        Map<String, Set<String>> promised = new TreeMap<>(Map.of(
                "POST /api/v1/healthcare/settlements", Set.of("insurance-officer", "institution-staff", "partner-system"),
                "POST /api/v1/healthcare/settlements/batch", Set.of("insurance-officer", "institution-staff", "partner-system"),
                "POST /api/v1/rotation/teachers", Set.of("education-officer", "school-admin"),
                "PUT /api/v1/rotation/policies/110000", Set.of("education-officer", "school-admin"),
                "GET /api/v1/pairing/exchange/events", Set.of("partner-system", "education-officer"),
                "GET /api/v1/healthcare/exchange/events", Set.of("partner-system", "health-officer", "insurance-officer"),
                "POST /api/v1/healthcare/ltc/requests/1/result", Set.of("ltc-assessor")));
        promised.forEach((request, allowed) -> {
            String[] parts = request.split(" ");
            for (String role : ROLES) {
                int status = call(role, parts[0], parts[1]).statusCode();
                int expected = allowed.contains(role) || role.equals("platform-admin") ? 200 : 403;
                assertEquals(expected, status, request + " as " + role);
            }
        });
    }

    @Test
    void aPathNoRuleCoversIsRefusedEvenToAdministrators() {
        int before = EchoUpstreamResource.CALLS.get();
        call("platform-admin", "DELETE", "/api/v1/pairing-but-not-really").then().statusCode(404);
        call("education-officer", "OPTIONS", "/api/v1/rotation/teachers").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, EchoUpstreamResource.CALLS.get());
    }
}
