package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cell: an operation, a caller, the route (through the gateway or straight to the service), the scope of the object it is aimed at (own, other, parent, or none when the
 * operation names no object), the request, what is expected, and, once sent, what came back.
 */
record MatrixCell(MatrixOperation op, MatrixCaller caller, MatrixRoute route, String scope, MatrixTarget target, String path,
                  JsonNode body, boolean listing, Expectations.Expected expected, int status, boolean listed,
                  String problem, String answer) {

    static MatrixCell notApplicable(MatrixOperation op, MatrixCaller caller, String scope, String why) {
        return new MatrixCell(op, caller, MatrixRoute.GATEWAY, scope, null, "", null, false,
                new Expectations.Expected(MatrixOutcome.NOT_APPLICABLE, why), 0, false, null, null);
    }

    MatrixOutcome outcome() {
        return expected.outcome();
    }

    MatrixCell answered(int status, boolean listed, String problem, String answer) {
        String shown = answer == null ? null : answer.replaceAll("\\s+", " ");
        return new MatrixCell(op, caller, route, scope, target, path, body, listing, expected, status, listed, problem,
                shown == null || shown.length() <= 200 ? shown : shown.substring(0, 200) + "…");
    }

    /** Why the cell fails, or null: a leak, an unexpected denial or answer, or a refused change that changed. */
    String failure() {
        if (outcome() == MatrixOutcome.NOT_APPLICABLE) {
            return null;
        }
        if (problem != null) {
            return problem;
        }
        boolean met = listing ? outcome().listing(status, listed) : outcome().met(status);
        if (met) {
            return null;
        }
        if (MatrixOutcome.leak(outcome(), status, listed)) {
            return listing ? "LEAK: listed an object outside the caller's scope"
                    : "LEAK: " + (op.read() ? "read" : "changed") + " what it should not";
        }
        if (!op.read() && outcome().denial() && status == 412) {
            // Changes are sent with a stale If-Match: a 412 means every check before the version let the caller by.
            return "LEAK: would have changed what it should not (past the scope checks, refused only for its stale If-Match)";
        }
        return "expected " + outcome() + ", answered " + status + (listing ? (listed ? " (listed)" : " (not listed)") : "");
    }

    String describe() {
        return op.name() + " | " + caller.name() + " (" + caller.role() + ") | " + route + " | " + scope
                + (target == null ? "" : " " + target.label()) + " | " + path + " | expected " + outcome()
                + " [" + expected.reason() + "] | answered " + status + (listing ? (listed ? " listed" : " not listed") : "")
                + (answer == null || listing ? "" : " " + answer);
    }
}
