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
            // Each area's exchange (its feed and push subscriptions to it) serves the area's exchange purpose.
            // Pairing: everyone of the area reads; officers propose and agree (partners too, for their schools);
            // officers and school admins record activities and keep shared facilities and buddy classes; officers
            // alone register schools, form alliances, suspend and conclude.
            rule("(GET|POST|PUT|DELETE) /api/v1/pairing/exchange/.*", PAIRING_EXCHANGE),
            rule("GET /api/v1/pairing/audit", PAIRING_AUDIT),
            rule("GET /api/v1/pairing/.*", PAIRING_READ),
            rule("POST /api/v1/pairing/pairings(/import|/\\{id}/(approvals|renew|resume|reject))?", PAIRING_COOPERATE),
            rule("POST /api/v1/pairing/activities(/\\{id}/withdraw)?", PAIRING_RECORD),
            rule("POST /api/v1/pairing/(buddy-classes.*|resources.*)", PAIRING_WRITE),
            rule("(POST|PUT|DELETE) /api/v1/pairing/(schools.*|alliances.*|pairings/\\{id}/(suspend|conclude))",
                    PAIRING_GOVERN),
            // Rotation: posts, rules and the replicated schools are the area's to read (partners too); people's
            // records (teachers, assignments, dossiers, preferences) only for teachers, school admins and officers.
            rule("(GET|POST|PUT|DELETE) /api/v1/rotation/exchange/.*", ROTATION_EXCHANGE),
            rule("GET /api/v1/rotation/audit", ROTATION_AUDIT),
            // A region's authority (its officers, its partner system) answers shadowing places for its teachers.
            rule("(GET|POST) /api/v1/rotation/shadowing-places.*", ROTATION_PLACES),
            rule("GET /api/v1/rotation/(eligibility(/export)?|supply-demand)", ROTATION_WRITE),
            rule("GET /api/v1/rotation/stats", ROTATION_GOVERN),
            rule("GET /api/v1/rotation/(teachers|assignments).*", ROTATION_PEOPLE),
            rule("GET /api/v1/rotation/.*", ROTATION_READ),
            rule("POST /api/v1/rotation/assignments/\\{id}/(accept|decline)", ROTATION_PEOPLE),
            rule("(PUT|POST) /api/v1/rotation/teachers/\\{id}/(preferences|dossier.*)", ROTATION_PEOPLE),
            rule("POST /api/v1/rotation/teachers/\\{id}/nominations", ROTATION_GOVERN),
            rule("POST /api/v1/rotation/assignments/\\{id}/(reject|confirm|termination|extension)", ROTATION_GOVERN),
            rule("POST /api/v1/rotation/posts/\\{id}/dispatch", ROTATION_GOVERN),
            rule("(PUT|POST) /api/v1/rotation/(policies/\\{regionCode}|matching-runs)", ROTATION_GOVERN),
            rule("(POST|PUT) /api/v1/rotation/.*", ROTATION_WRITE),
            // Healthcare: the register and cooperation (institutions, consortia, experts, outreach, rules) is read
            // by every healthcare role; consultations and appointments by health officers and staff; LTC cases by
            // insurers and assessors; settlements, their filings, certifications and reconciliation by insurers and
            // staff (the service narrows filings and certifications to the home side); safety-net spend beside the
            // forecast.
            rule("(GET|POST|PUT|DELETE) /api/v1/healthcare/exchange/.*", HEALTHCARE_EXCHANGE),
            rule("GET /api/v1/healthcare/audit", HEALTHCARE_AUDIT),
            rule("GET /api/v1/healthcare/ltc/requests.*", HEALTHCARE_LTC_READ),
            rule("GET /api/v1/healthcare/(consultations.*|appointments.*|clinic-sessions/\\{id}/appointments)",
                    HEALTHCARE_CARE),
            rule("GET /api/v1/healthcare/(settlements|filings|chronic-certifications|reconciliation).*", HEALTHCARE_SETTLE),
            rule("GET /api/v1/healthcare/fallback/spend", HEALTHCARE_RULES),
            rule("GET /api/v1/healthcare/.*", HEALTHCARE_READ),
            rule("POST /api/v1/healthcare/ltc/requests", HEALTHCARE_LTC),
            rule("POST /api/v1/healthcare/ltc/requests/\\{id}/(result|correction)", HEALTHCARE_LTC_ASSESS),
            rule("(POST|PUT) /api/v1/healthcare/(ltc/.*|settlement-policies/.*)", HEALTHCARE_INSURE),
            rule("POST /api/v1/healthcare/(settlements|filings|chronic-certifications).*", HEALTHCARE_SETTLE),
            rule("((PUT|POST) /api/v1/healthcare/catalogs/.*|POST /api/v1/healthcare/fallback/.*)", HEALTHCARE_RULES),
            rule("POST /api/v1/healthcare/consultations.*", HEALTHCARE_CONSULT),
            rule("POST /api/v1/healthcare/(experts|clinic-sessions/\\{id}/(appointments|cancel)|appointments/.*)",
                    HEALTHCARE_CARE),
            rule("(POST|PUT|DELETE) /api/v1/healthcare/(consortia|consortium-invitations|institutions|outreach-schedules).*",
                    HEALTHCARE_MANAGE));

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
