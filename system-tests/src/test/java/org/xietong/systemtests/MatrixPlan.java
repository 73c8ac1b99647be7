package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lays out the cells: every operation × every caller × own / other / parent object × through the gateway and
 * straight to the service (one cell, scope "none", for an
 * operation that names no object), choosing for each caller which fixture object is its own, another region's, and
 * the region's above.
 */
final class MatrixPlan {

    static final List<String> SCOPES = List.of("own", "other", "parent");
    /** Values for required query parameters that name no object. */
    private static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    private static final Map<String, String> QUERY_VALUES = Map.of("cycle", "2024", "entity", "school",
            "id", "1111010501", "year", MONTH.substring(0, 4), "personId", MatrixFixture.PERSON);
    /** Path parameters that name no object. */
    private static final Map<String, String> PATH_VALUES = Map.of("month", MONTH);

    /** An audit question must name something; the matrix asks for one school's trail (the parameters are optional). */
    private static final List<String> AUDIT_QUERY = List.of("entity", "id");

    private final MatrixBodies bodies;
    private final MatrixFixture fixture;
    private final Expectations expectations;

    MatrixPlan(JsonNode doc, MatrixFixture fixture, Expectations expectations) {
        this.bodies = new MatrixBodies(doc);
        this.fixture = fixture;
        this.expectations = expectations;
    }

    List<MatrixCell> cells(List<MatrixOperation> ops, List<MatrixCaller> callers) {
        List<MatrixCell> cells = new ArrayList<>();
        for (MatrixOperation op : ops) {
            Optional<MatrixKind.Anchor> anchor = MatrixKind.of(op);
            Optional<MatrixKind> listed = MatrixKind.listedBy(op);
            for (MatrixCaller caller : callers) {
                if (anchor.isEmpty() && listed.isEmpty()) {
                    String path = path(op, null, null);
                    cells.addAll(cell(op, caller, "none", null, path, false, List.of()));
                    continue;
                }
                MatrixKind kind = anchor.map(MatrixKind.Anchor::kind).orElseGet(listed::get);
                for (String scope : SCOPES) {
                    Optional<MatrixTarget> target = pick(kind, caller, scope);
                    if (target.isEmpty() && !fixture.of(kind).isEmpty() && !(caller.admin() && !scope.equals("own"))
                            && expectations.purposeRefused(op, caller)) {
                        // The purpose decides before any object is looked at: any object stands in.
                        target = Optional.of(fixture.of(kind).get(0));
                    }
                    if (target.isEmpty()) {
                        cells.add(MatrixCell.notApplicable(op, caller, scope, why(caller, scope, kind)));
                        continue;
                    }
                    String path = path(op, anchor.orElse(null), target.get());
                    cells.addAll(cell(op, caller, scope, target.get(), path, anchor.isEmpty(),
                            anchor.map(MatrixKind.Anchor::bodyFields).orElse(List.of())));
                }
            }
        }
        return cells;
    }

    /**
     * The cell through the gateway, and the same straight to the service when it reads or should be refused: a change
     * the caller may make is sent once, through the gateway, so that it is not made twice.
     */
    private List<MatrixCell> cell(MatrixOperation op, MatrixCaller caller, String scope, MatrixTarget target,
                                  String path, boolean listing, List<String> bodyFields) {
        JsonNode body = bodies.body(op, bodyFields, target);
        List<MatrixCell> cells = new ArrayList<>();
        for (MatrixRoute route : MatrixRoute.values()) {
            Expectations.Expected expected = expectations.expect(op, route, caller, target, listing);
            if (route == MatrixRoute.GATEWAY || op.read() || expected.outcome().denial()) {
                cells.add(new MatrixCell(op, caller, route, scope, target, path, body, listing, expected, 0, false,
                        null, null));
            }
        }
        return cells;
    }

    private static String why(MatrixCaller caller, String scope, MatrixKind kind) {
        if (caller.admin() && !scope.equals("own")) {
            return "the platform admin's scope is everything";
        }
        if (scope.equals("parent") && MatrixPlace.parent(caller.region()) == null && !narrowed(caller)) {
            return "no region above a province";
        }
        return "no " + kind.name().toLowerCase(Locale.ROOT) + " in the fixture for this scope";
    }

    /**
     * Own: an object wholly in the caller's scope (a teacher's own record first). Other: one with no side in the
     * caller's region. Parent: one outside the caller's scope in the region above, or, for a caller narrowed to a
     * school or institution, elsewhere in its own district.
     */
    Optional<MatrixTarget> pick(MatrixKind kind, MatrixCaller caller, String scope) {
        List<MatrixTarget> all = fixture.of(kind);
        return switch (scope) {
            case "own" -> first(all, t -> caller.teacher().isPresent() && caller.teacher().get().equals(t.teacher()))
                    .or(() -> first(all, t -> t.allSeenBy(caller)))
                    .or(() -> first(all, t -> t.seenBy(caller)));
            case "other" -> caller.admin() ? Optional.empty() : first(all, t -> !t.anyInRegionOf(caller));
            default -> caller.admin() ? Optional.empty() : first(all, t -> !t.seenBy(caller) && t.places().stream()
                    .anyMatch(p -> narrowed(caller) ? caller.region().equals(p.region())
                            : p.region().equals(MatrixPlace.parent(caller.region()))));
        };
    }

    private static boolean narrowed(MatrixCaller caller) {
        return caller.school().isPresent() || caller.institution().isPresent();
    }

    private static Optional<MatrixTarget> first(List<MatrixTarget> targets, Predicate<MatrixTarget> test) {
        return targets.stream().filter(test).findFirst();
    }

    private static String path(MatrixOperation op, MatrixKind.Anchor anchor, MatrixTarget target) {
        String path = op.template();
        List<String> query = new ArrayList<>();
        for (int i = 0; i < op.pathParams().size(); i++) {
            String name = op.pathParams().get(i);
            String value = i == 0 && target != null ? target.id()
                    : target != null && target.params().containsKey(name) ? target.params().get(name)
                    : PATH_VALUES.getOrDefault(name, "1");
            path = path.replace("{" + name + "}", value);
        }
        List<String> named = new ArrayList<>(op.requiredQuery());
        if (op.template().endsWith("/audit")) {
            AUDIT_QUERY.stream().filter(name -> !named.contains(name)).forEach(named::add);
        }
        for (String name : named) {
            if (anchor == null || !name.equals(anchor.queryParam())) {
                query.add(name + "=" + QUERY_VALUES.getOrDefault(name, "1"));
            }
        }
        if (anchor != null && anchor.queryParam() != null) {
            query.add(anchor.queryParam() + "=" + target.id());
        }
        if (anchor == null && target != null && op.paged()) {
            query.add("size=100");
        }
        if (op.name().matches("GET /api/v1/healthcare/settlements(/export)?")) {
            // Settlements are listed by person or by month: the month the fixture recorded them in.
            query.add("month=" + MONTH);
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }
}
