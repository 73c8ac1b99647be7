package org.xietong.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.xietong.platform.security.Purpose.Names.*;

/**
 * The purpose each operation should serve, written down here by area and action as the rules should be, not read
 * from the services' annotations: an operation annotated with another purpose is reported before any cell is sent,
 * and the cells expect what this table says. The first rule whose pattern matches "METHOD /path/template" wins.
 */
final class OperationPurposes {

    private record Rule(Pattern operations, String purpose) {
    }

    private static final List<Rule> RULES = List.of(
            rule("GET /api/v1/pairing/exchange/.*", PAIRING_EXCHANGE),
            rule("GET /api/v1/pairing/audit.*", PAIRING_AUDIT),
            rule("GET /api/v1/pairing/.*", PAIRING_READ),
            rule("GET /api/v1/rotation/exchange/.*", ROTATION_EXCHANGE),
            rule("GET /api/v1/rotation/audit.*", ROTATION_AUDIT),
            rule("GET /api/v1/rotation/.*", ROTATION_READ),
            rule("GET /api/v1/healthcare/exchange/.*", HEALTHCARE_EXCHANGE),
            rule("GET /api/v1/healthcare/audit.*", HEALTHCARE_AUDIT),
            rule("POST /api/v1/healthcare/ltc/requests", HEALTHCARE_LTC),
            rule("POST /api/v1/healthcare/ltc/requests/\\{id}/result", HEALTHCARE_LTC_ASSESS),
            rule("POST /api/v1/healthcare/ltc/requests/\\{id}/decision", HEALTHCARE_LTC_DECIDE),
            rule("(POST|GET) /api/v1/healthcare/settlements.*", HEALTHCARE_SETTLE));

    private static Rule rule(String operations, String purpose) {
        return new Rule(Pattern.compile(operations), purpose);
    }

    /** The purpose {@code op} should serve; an operation no rule covers fails the matrix until one is written. */
    String expected(MatrixOperation op) {
        return RULES.stream().filter(r -> r.operations().matcher(op.name()).matches()).map(Rule::purpose)
                .findFirst().orElseThrow(() -> new IllegalStateException("no purpose written down for " + op.name()));
    }

    /** Operations whose document declares anything but exactly the purpose they should serve. */
    List<String> mismatches(List<MatrixOperation> ops) {
        List<String> out = new ArrayList<>();
        for (MatrixOperation op : ops) {
            String expected = RULES.stream().filter(r -> r.operations().matcher(op.name()).matches())
                    .map(Rule::purpose).findFirst().orElse(null);
            if (expected == null) {
                out.add(op.name() + ": no purpose written down in the matrix");
            } else if (!op.declaredPurposes().equals(Set.of(expected))) {
                out.add(op.name() + ": declares " + op.declaredPurposes() + ", should serve " + expected);
            }
        }
        return out;
    }
}
