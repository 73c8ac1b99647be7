package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request bodies for the matrix: the schema's plausible example ({@link HostileRequests#plausibleBody}), with the
 * few fixes that make it pass the service's own cross-field checks (so that what answers is the authorisation, not
 * validation), and with the fields that name the object the cell aims at set to it.
 */
final class MatrixBodies {

    /** Field values by operation; a null value removes the field. Dotted names reach into nested objects. */
    private static final Map<String, Map<String, Object>> FIXES = Map.of(
            // Its own code, so that the school one allowed cell creates is not one another cell refers to.
            "POST /api/v1/pairing/schools", Map.of("code", "6501029977"),
            "POST /api/v1/healthcare/institutions", Map.of("code", "H6501029977"),
            "POST /api/v1/rotation/posts", nullable("endDate", null, "startDate", "2027-09-01"),
            "POST /api/v1/rotation/teachers", nullable("birthDate", "1985-03-01", "joinedSchoolOn", "2015-09-01",
                    "residentId", null, "position", null, "leadershipTerms", null),
            "PUT /api/v1/rotation/teachers/{id}", nullable("birthDate", "1985-03-01", "joinedSchoolOn", "2015-09-01",
                    "residentId", null, "position", null, "leadershipTerms", null),
            // A joining institution that exists, so that the refusal is about the caller, not an unknown code.
            "POST /api/v1/healthcare/consortia/{id}/members", Map.of("institutionCode", "H1101140001"),
            // The matrix aims an activity at a pairing: the other hosts' fields go.
            "POST /api/v1/pairing/activities", nullable("allianceId", null, "hostRegion", null),
            // Credits are the school's or an officer's to give; a teacher's own entry has none.
            "POST /api/v1/rotation/teachers/{id}/dossier", nullable("kind", "TRAINING", "credits", null));
    /** Fields each cell gives a value of its own, so that one allowed creation does not make the next a conflict. */
    private static final Map<String, String> FRESH = Map.of("POST /api/v1/rotation/teachers", "staffNumber");

    private final AtomicInteger fresh = new AtomicInteger();

    private final JsonNode doc;

    MatrixBodies(JsonNode doc) {
        this.doc = doc;
    }

    JsonNode body(MatrixOperation op, List<String> anchorFields, MatrixTarget target) {
        if (op.requestSchema() == null || !op.mediaType().contains("json")) {
            return null;
        }
        JsonNode body = HostileRequests.plausibleBody(doc, op.requestSchema());
        FIXES.getOrDefault(op.name(), Map.of()).forEach((field, value) -> set(body, field, value));
        if (FRESH.containsKey(op.name())) {
            set(body, FRESH.get(op.name()), "MX-" + fresh.incrementAndGet());
        }
        anchorFields.forEach(field -> set(body, field, target.id()));
        if (op.template().matches("/api/v1/[a-z]+/exchange/subscriptions(/\\{id})?")) {
            // The caller's own region (the generated one would be another's), a loopback endpoint, nothing posted.
            set(body, "regions", null);
            set(body, "endpoint", "http://127.0.0.1:9/matrix");
            set(body, "enabled", false);
        }
        if (op.template().endsWith("/bookings")) {
            set(body, "school", target.params().get("booker"));
        }
        return body;
    }

    private static void set(JsonNode body, String dotted, Object value) {
        String[] path = dotted.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.path(path[i]);
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String field = path[path.length - 1];
        if (value == null) {
            object.remove(field);
        } else {
            object.put(field, value.toString());
        }
    }

    private static Map<String, Object> nullable(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
