package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DemoData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The authorisation matrix (issues 8 and 17): every operation of the gateway's merged API document × every demo
 * caller (each demo user and partner client, so every realm role and partner purpose) × an object in the caller's own
 * region, in another region and in the region above, each cell sent with a real Keycloak token through the gateway
 * and straight to the service (a change the caller may make only through the gateway), and compared with what
 * {@link Expectations} writes down. First, every operation must declare the purpose {@link OperationPurposes} says
 * it serves. A caller that reads, lists or changes what it should not fails the test,
 * and so does a denial the expectations do not foresee, so that they stay the truth. Every cell is written to
 * target/authorisation-matrix.csv.
 */
@ExtendWith(SharedStack.class)
// After the suite test has loaded the demo data, which is most of the fixture; before the stack stops.
@Order(50)
class AuthorisationMatrixIT {

    private static final Path REPORT = Path.of("target", "authorisation-matrix.csv");

    @Test
    void everyCallerReadsListsAndChangesOnlyWhatItsScopeCovers(SharedStack.Suite suite) throws Exception {
        long begin = System.nanoTime();
        List<MatrixCaller> callers = MatrixCaller.fromRealm(suite.config().realmFile());
        MatrixCaller admin = callers.stream().filter(MatrixCaller::admin).findFirst().orElseThrow();
        MatrixHttp http = new MatrixHttp(suite);
        JsonNode doc = HostileRequests.withoutNull(MatrixHttp.JSON.readTree(http.get(admin, "/openapi").body()));
        assertEquals(0, doc.path("x-xietong-unavailable").size(), "every service is in the document");
        if (http.get(admin, "/api/v1/pairing/schools/1111010501").status() == 404) {
            // Run on its own (-Dit.test=AuthorisationMatrixIT): the suite test has not loaded the demo data.
            DemoData.load(suite.config().root().resolve("deploy/demo"), suite.gateway(),
                    user -> suite.tokens().passwordGrant(user, user));
        }
        MatrixFixture fixture = new MatrixFixture(http, admin, suite.config()).build(callers);
        List<MatrixOperation> ops = MatrixOperation.from(doc);
        OperationPurposes purposes = new OperationPurposes();
        List<String> undeclared = purposes.mismatches(ops);
        assertTrue(undeclared.isEmpty(), "operations whose declared purpose is not the one they should serve:\n"
                + String.join("\n", undeclared));
        Expectations expectations = new Expectations(purposes);
        List<MatrixCell> planned = new MatrixPlan(doc, fixture, expectations).cells(ops, callers);
        long sending = System.nanoTime();
        List<MatrixCell> cells = new ArrayList<>(new MatrixRunner(http, admin).run(planned));
        cells.sort(Comparator.comparing((MatrixCell c) -> c.op().template()).thenComparing(c -> c.op().method())
                .thenComparing(c -> callers.indexOf(c.caller())).thenComparing(c -> MatrixPlan.SCOPES.indexOf(c.scope()))
                .thenComparing(MatrixCell::route));
        write(cells);

        List<MatrixCell> failures = cells.stream().filter(c -> c.failure() != null).toList();
        report(cells, ops.size(), callers.size(), fixture, failures, (sending - begin) / 1_000_000,
                (System.nanoTime() - sending) / 1_000_000);
        assertTrue(cells.stream().filter(c -> c.outcome() != MatrixOutcome.NOT_APPLICABLE).count() >= 3000,
                "at least 3,000 cells sent");
        if (!failures.isEmpty()) {
            long leaks = failures.stream().filter(c -> c.failure().startsWith("LEAK")).count();
            fail(failures.size() + " of " + cells.size() + " cells failed (" + leaks + " leaks):\n"
                    + failures.stream().limit(80).map(c -> c.failure() + " <- " + c.describe())
                    .collect(Collectors.joining("\n")));
        }
    }

    private static void write(List<MatrixCell> cells) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("operation,caller,role,route,object_scope,object,path,expected,reason,actual_status,listed,verdict,answer");
        for (MatrixCell c : cells) {
            lines.add(String.join(",", csv(c.op().name()), csv(c.caller().name()), csv(c.caller().role()),
                    c.route().name().toLowerCase(java.util.Locale.ROOT), c.scope(), csv(c.target() == null ? "" : c.target().label()), csv(c.path()),
                    c.outcome().name(), csv(c.expected().reason()),
                    c.outcome() == MatrixOutcome.NOT_APPLICABLE ? "" : String.valueOf(c.status()),
                    c.listing() ? String.valueOf(c.listed()) : "",
                    csv(c.failure() == null ? (c.outcome() == MatrixOutcome.NOT_APPLICABLE ? "n/a" : "ok") : c.failure()),
                    csv(c.failure() == null || c.answer() == null ? "" : c.answer())));
        }
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"").replace("\n", " ") + "\"" : value;
    }

    private static void report(List<MatrixCell> cells, int ops, int callers, MatrixFixture fixture,
                               List<MatrixCell> failures, long setupMillis, long sendMillis) {
        Map<MatrixOutcome, Long> byOutcome = cells.stream()
                .collect(Collectors.groupingBy(MatrixCell::outcome, TreeMap::new, Collectors.counting()));
        Map<String, Long> byScope = cells.stream().filter(c -> c.outcome() != MatrixOutcome.NOT_APPLICABLE)
                .collect(Collectors.groupingBy(MatrixCell::scope, TreeMap::new, Collectors.counting()));
        Map<MatrixRoute, Long> byRoute = cells.stream().filter(c -> c.outcome() != MatrixOutcome.NOT_APPLICABLE)
                .collect(Collectors.groupingBy(MatrixCell::route, TreeMap::new, Collectors.counting()));
        long leaks = failures.stream().filter(c -> c.failure().startsWith("LEAK")).count();
        Map<String, Long> failuresByKind = failures.stream().collect(Collectors.groupingBy(
                c -> c.failure().startsWith("LEAK") ? "leak" : c.failure().startsWith("expected") ? "unexpected answer" : "other",
                LinkedHashMap::new, Collectors.counting()));
        long sent = cells.stream().filter(c -> c.outcome() != MatrixOutcome.NOT_APPLICABLE).count();
        System.out.printf("AuthorisationMatrixIT: %d cells (%d operations x %d callers x own/other/parent x "
                + "gateway/direct), %d sent in %d ms after %d ms of setup, %d leaks; report in %s%n", cells.size(), ops,
                callers, sent, sendMillis, setupMillis, leaks, REPORT.toAbsolutePath());
        System.out.println("  sent cells by route: " + byRoute);
        System.out.println("  expected outcomes: " + byOutcome);
        System.out.println("  sent cells by object scope: " + byScope);
        System.out.println("  fixture objects: " + fixture.counts());
        System.out.println("  failures: " + (failures.isEmpty() ? "none" : failuresByKind));
    }
}
