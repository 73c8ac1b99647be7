package org.xietong.systemtests;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of object the API's paths name, recognised by the path segment before an operation's first path
 * parameter: /api/v1/pairing/schools/{code} is a school. REGION stands for the operations keyed by a region code
 * (policies, benefits, catalogs); they are scoped like an object sitting in that region.
 */
enum MatrixKind {
    SCHOOL("/api/v1/pairing/schools/"),
    PAIRING("/api/v1/pairing/pairings/"),
    ALLIANCE("/api/v1/pairing/alliances/"),
    RESOURCE("/api/v1/pairing/resources/"),
    ACTIVITY("/api/v1/pairing/activities/"),
    BUDDY_CLASS("/api/v1/pairing/buddy-classes/"),
    TEACHER("/api/v1/rotation/teachers/"),
    POST("/api/v1/rotation/posts/"),
    ASSIGNMENT("/api/v1/rotation/assignments/"),
    RUN("/api/v1/rotation/matching-runs/"),
    SHADOWING_PLACE("/api/v1/rotation/shadowing-places/"),
    INSTITUTION("/api/v1/healthcare/institutions/"),
    CONSORTIUM("/api/v1/healthcare/consortia/"),
    INVITATION("/api/v1/healthcare/consortium-invitations/"),
    EXPERT("/api/v1/healthcare/experts/"),
    SCHEDULE("/api/v1/healthcare/outreach-schedules/"),
    SESSION("/api/v1/healthcare/clinic-sessions/"),
    APPOINTMENT("/api/v1/healthcare/appointments/"),
    CONSULTATION("/api/v1/healthcare/consultations/"),
    LTC_REQUEST("/api/v1/healthcare/ltc/requests/"),
    SETTLEMENT("/api/v1/healthcare/settlements/"),
    FILING("/api/v1/healthcare/filings/"),
    CERTIFICATION("/api/v1/healthcare/chronic-certifications/"),
    PAIRING_SUBSCRIPTION("/api/v1/pairing/exchange/subscriptions/"),
    ROTATION_SUBSCRIPTION("/api/v1/rotation/exchange/subscriptions/"),
    HEALTHCARE_SUBSCRIPTION("/api/v1/healthcare/exchange/subscriptions/"),
    REGION("");

    private final String prefix;

    MatrixKind(String prefix) {
        this.prefix = prefix;
    }

    /** The admin's read of one object of this kind, to see that a refused change left it as it was. */
    Optional<String> readPath(String id) {
        // Shared facilities, activities and buddy classes have no single-object read; they are listed by owner or pairing.
        if (this == SHADOWING_PLACE) {
            // A shadowing place is an assignment, read as one.
            return ASSIGNMENT.readPath(id);
        }
        return this == REGION || this == RESOURCE || this == ACTIVITY || this == BUDDY_CLASS ? Optional.empty()
                : Optional.of(prefix + id);
    }

    /** What an operation is aimed at: an object named by a path parameter, or by a required query parameter. */
    record Anchor(MatrixKind kind, String queryParam, List<String> bodyFields) {
    }

    /**
     * Creations name their object in the body: where a new post goes (its school), who leads a new consortium.
     * The matrix aims them at the caller's own, another and the parent region's object through these fields.
     */
    private static final Map<String, Anchor> BODY_ANCHORS = Map.ofEntries(
            body("POST /api/v1/pairing/schools", REGION, "regionCode"),
            body("POST /api/v1/pairing/pairings", SCHOOL, "supportingParty", "supportedParty"),
            body("POST /api/v1/pairing/alliances", SCHOOL, "leadSchool"),
            body("POST /api/v1/pairing/resources", SCHOOL, "ownerSchool"),
            body("POST /api/v1/pairing/activities", PAIRING, "pairingId"),
            body("POST /api/v1/pairing/buddy-classes", PAIRING, "pairingId"),
            body("POST /api/v1/rotation/posts", SCHOOL, "schoolCode"),
            body("POST /api/v1/rotation/teachers", SCHOOL, "schoolCode"),
            body("POST /api/v1/rotation/matching-runs", REGION, "regionCode"),
            body("POST /api/v1/healthcare/institutions", REGION, "regionCode"),
            body("POST /api/v1/healthcare/consortia", INSTITUTION, "leadCode"),
            body("POST /api/v1/healthcare/experts", INSTITUTION, "homeInstitutionCode"),
            body("POST /api/v1/healthcare/outreach-schedules", INSTITUTION, "hostInstitutionCode"),
            body("POST /api/v1/healthcare/consultations", INSTITUTION, "requesterCode"),
            body("POST /api/v1/healthcare/ltc/agreements", REGION, "homeRegion"),
            body("POST /api/v1/healthcare/ltc/requests", REGION, "homeRegion"),
            body("POST /api/v1/healthcare/fallback/forecast", REGION, "homeRegion"),
            body("POST /api/v1/healthcare/filings", REGION, "homeRegion"),
            body("POST /api/v1/healthcare/chronic-certifications", REGION, "homeRegion"),
            body("POST /api/v1/healthcare/settlements", REGION, "insured.homeRegion", "visit.treatmentRegion"),
            body("POST /api/v1/healthcare/settlements/quote", REGION, "insured.homeRegion", "visit.treatmentRegion"));

    private static Map.Entry<String, Anchor> body(String operation, MatrixKind kind, String... fields) {
        return Map.entry(operation, new Anchor(kind, null, List.of(fields)));
    }

    /** Required query parameters that name an object: the pairing whose activities, the school whose resources. */
    private static final Map<String, MatrixKind> QUERY_ANCHORS = Map.of(
            "pairing", PAIRING, "owner", SCHOOL, "school", SCHOOL, "region", REGION, "homeRegion", REGION);

    /** The object an operation is aimed at, by its first path parameter or a required query parameter; or none. */
    static Optional<Anchor> of(MatrixOperation op) {
        if (BODY_ANCHORS.containsKey(op.name())) {
            return Optional.of(BODY_ANCHORS.get(op.name()));
        }
        if (op.name().equals("GET /api/v1/pairing/coverage")) {
            // Its region is optional (the caller's own by default); the matrix names it.
            return Optional.of(new Anchor(REGION, "region", List.of()));
        }
        if (op.template().startsWith("/api/v1/healthcare/reconciliation/")) {
            // A month's report, narrowed to the caller's region pairs by the service: it names no object.
            return Optional.empty();
        }
        if (op.pathParams().isEmpty()) {
            return op.requiredQuery().stream().filter(QUERY_ANCHORS::containsKey).findFirst()
                    .map(q -> new Anchor(QUERY_ANCHORS.get(q), q, List.of()));
        }
        String first = op.pathParams().get(0);
        String before = op.template().substring(0, op.template().indexOf("{" + first + "}"));
        if (first.toLowerCase(Locale.ROOT).contains("region")) {
            return Optional.of(new Anchor(REGION, null, List.of()));
        }
        for (MatrixKind kind : values()) {
            if (kind != REGION && before.equals(kind.prefix)) {
                return Optional.of(new Anchor(kind, null, List.of()));
            }
        }
        throw new IllegalStateException("the matrix knows no kind of object for " + op.name()
                + ": add one to MatrixKind and the fixture");
    }

    /** The kind whose collection an operation lists (GET /api/v1/pairing/schools lists schools); or none. */
    static Optional<MatrixKind> listedBy(MatrixOperation op) {
        if (!op.read() || !op.pathParams().isEmpty()) {
            return Optional.empty();
        }
        for (MatrixKind kind : values()) {
            if (kind != REGION && op.template().equals(kind.prefix.substring(0, kind.prefix.length() - 1))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
