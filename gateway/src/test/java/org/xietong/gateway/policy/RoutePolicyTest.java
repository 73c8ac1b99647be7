package org.xietong.gateway.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutePolicyTest {

    private static RoutePolicy.Rule rule(String name, String path, Set<String> methods, String... roles) {
        return new RoutePolicy.Rule(name, RoutePolicy.segments(path), methods, Set.of(roles), "read", 10);
    }

    private final RoutePolicy policy = new RoutePolicy(List.of(
            rule("rotation-read", "/api/v1/rotation", Set.of("GET", "HEAD"), "teacher", "education-officer"),
            rule("rotation-write", "/api/v1/rotation", Set.of("POST", "PUT"), "education-officer", "school-admin"),
            rule("rotation-accept", "/api/v1/rotation/assignments/*/accept", Set.of("POST"), "teacher"),
            rule("rotation-exchange", "/api/v1/rotation/exchange", Set.of(), "partner-system"),
            rule("open", "/api/v1/open", Set.of(), RoutePolicy.ANY)), Set.of("platform-admin"));

    private String decide(String method, String path, String... roles) {
        RoutePolicy.Decision decision = policy.decide(method, path, Set.of(roles));
        return decision.rule().map(RoutePolicy.Rule::name).orElse("none") + (decision.allowed() ? " allows" : " refuses");
    }

    @Test
    void theMostSpecificRuleDecides() {
        assertEquals("rotation-read allows", decide("GET", "/api/v1/rotation/teachers/7", "teacher"));
        assertEquals("rotation-write refuses", decide("POST", "/api/v1/rotation/teachers", "teacher"));
        assertEquals("rotation-accept allows", decide("POST", "/api/v1/rotation/assignments/42/accept", "teacher"));
        // The wildcard is one segment: deeper or shallower paths fall back to the general rule.
        assertEquals("rotation-write refuses", decide("POST", "/api/v1/rotation/assignments/accept", "teacher"));
        // A rule without methods covers them all, and beats a shorter rule that names the method.
        assertEquals("rotation-exchange refuses", decide("GET", "/api/v1/rotation/exchange/events", "teacher"));
        assertEquals("rotation-exchange allows", decide("GET", "/api/v1/rotation/exchange/events", "partner-system"));
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertEquals("rotation-read allows", decide("GET", "/api/v1/rotation/exchangers", "teacher"));
        assertEquals("none refuses", decide("GET", "/api/v1/rotations", "teacher"));
    }

    @Test
    void noRuleMeansNoAccessAndAdministratorsPassEveryRule() {
        assertEquals("none refuses", decide("DELETE", "/api/v1/rotation/teachers/7", "education-officer"));
        assertEquals("none refuses", decide("DELETE", "/api/v1/rotation/teachers/7", "platform-admin"));
        assertEquals("rotation-accept allows", decide("POST", "/api/v1/rotation/assignments/1/accept", "platform-admin"));
        assertEquals("open allows", decide("PATCH", "/api/v1/open/x", "anyone"));
    }

    @Test
    void methodsAreCaseInsensitiveAndRolesNeedOnlyOneMatch() {
        assertTrue(policy.decide("get", "/api/v1/rotation", Set.of("x", "teacher")).allowed());
        assertFalse(policy.decide("get", "/api/v1/rotation", Set.of()).allowed());
    }

    @Test
    void twoRulesThatTieAreRefusedAtStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RoutePolicy(List.of(
                rule("a", "/api/v1/x", Set.of("GET", "POST"), "r"),
                rule("b", "/api/v1/x", Set.of("POST"), "s")), Set.of()));
        assertTrue(e.getMessage().contains("/api/v1/x"));
    }
}
