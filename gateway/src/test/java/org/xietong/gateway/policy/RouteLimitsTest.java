package org.xietong.gateway.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteLimitsTest {

    private static RouteLimits.Rule rule(String name, String path, Set<String> methods, String limit) {
        return new RouteLimits.Rule(name, RouteLimits.segments(path), methods, limit, 10);
    }

    private final RouteLimits limits = new RouteLimits(List.of(
            rule("rotation-read", "/api/v1/rotation", Set.of("GET", "HEAD"), "read"),
            rule("rotation-write", "/api/v1/rotation", Set.of("POST", "PUT"), "write"),
            rule("rotation-accept", "/api/v1/rotation/assignments/*/accept", Set.of("POST"), "write"),
            rule("rotation-exchange", "/api/v1/rotation/exchange", Set.of(), "read")));

    private String rule(String method, String path) {
        return limits.rule(method, path).map(RouteLimits.Rule::name).orElse("none");
    }

    @Test
    void theMostSpecificRuleSetsTheLimits() {
        assertEquals("rotation-read", rule("GET", "/api/v1/rotation/teachers/7"));
        assertEquals("rotation-write", rule("POST", "/api/v1/rotation/teachers"));
        assertEquals("rotation-accept", rule("POST", "/api/v1/rotation/assignments/42/accept"));
        // The wildcard is one segment: deeper or shallower paths fall back to the general rule.
        assertEquals("rotation-write", rule("POST", "/api/v1/rotation/assignments/accept"));
        // A rule without methods covers them all, and beats a shorter rule that names the method.
        assertEquals("rotation-exchange", rule("GET", "/api/v1/rotation/exchange/events"));
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertEquals("rotation-read", rule("GET", "/api/v1/rotation/exchangers"));
        assertEquals("none", rule("GET", "/api/v1/rotations"));
    }

    @Test
    void aPathOrMethodNoRuleCoversHasNoRuleAndMethodsAreCaseInsensitive() {
        assertEquals("none", rule("DELETE", "/api/v1/rotation/teachers/7"));
        assertEquals("rotation-read", rule("get", "/api/v1/rotation"));
    }

    @Test
    void twoRulesThatTieAreRefusedAtStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RouteLimits(List.of(
                rule("a", "/api/v1/x", Set.of("GET", "POST"), "read"),
                rule("b", "/api/v1/x", Set.of("POST"), "write"))));
        assertTrue(e.getMessage().contains("/api/v1/x"));
    }
}
