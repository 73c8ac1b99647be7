package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.xietong.devstack.StackConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects the matrix aims at: the demo data (deploy/demo, loaded by the suite test before this one) and a few
 * more the admin adds so that every caller has an object in its own region, one in another region and one in the
 * region above it (a school-bound or institution-bound caller's "region above" is its own district: the other
 * schools and institutions there).
 */
final class MatrixFixture {

    /** Real places the demo data has no object in: Hailar (Hulunbuir), Inner Mongolia and Beijing as a whole, Yubei. */
    private static final List<Map<String, Object>> EXTRA_SCHOOLS = List.of(
            school("2150702001", "呼伦贝尔市海拉尔区第一中学", "150702", "URBAN"),
            school("2150000001", "内蒙古师范大学附属中学", "150000", "URBAN"),
            school("1111000001", "北京市教育委员会直属实验学校", "110000", "URBAN"),
            school("2500112001", "重庆市渝北区两路中学", "500112", "URBAN"));
    private static final List<Map<String, Object>> EXTRA_INSTITUTIONS = List.of(
            institution("H1101140001", "北京大学国际医院", "110114"),
            institution("H1101000001", "北京市卫生健康委员会直属医院", "110000"),
            institution("H3700000001", "山东省立医院", "370000"),
            institution("H3714000001", "德州市第二人民医院", "371400"),
            institution("H5000000001", "重庆医科大学附属第一医院", "500000"),
            institution("H1507020001", "呼伦贝尔市人民医院", "150702"),
            institution("H1500000001", "内蒙古自治区人民医院", "150000"),
            institution("H3714810002", "乐陵市中医院", "371481"),
            institution("H1101070001", "北京大学首钢医院", "110107"),
            institution("H5001120001", "重庆市渝北区人民医院", "500112"));

    /** The insured person whose filing and certification the matrix aims at. */
    static final String PERSON = "MATRIX-P1";

    private final MatrixHttp http;
    private final MatrixCaller admin;
    private final StackConfig config;
    private final Map<MatrixKind, List<MatrixTarget>> targets = new EnumMap<>(MatrixKind.class);

    MatrixFixture(MatrixHttp http, MatrixCaller admin, StackConfig config) {
        this.http = http;
        this.admin = admin;
        this.config = config;
    }

    /** Adds the extra objects (again on a second run: a conflict means they are there) and reads every target. */
    MatrixFixture build(List<MatrixCaller> callers) {
        for (Map<String, Object> school : EXTRA_SCHOOLS) {
            create("/api/v1/pairing/schools", school);
        }
        for (Map<String, Object> institution : EXTRA_INSTITUTIONS) {
            create("/api/v1/healthcare/institutions", institution);
        }
        create("/api/v1/healthcare/filings", Map.of("personId", PERSON, "homeRegion", "110114",
                "kind", "LONG_TERM_RESIDENCE", "destinationRegion", "371400", "validFrom", "2025-01-01"));
        if (http.read(admin, "/api/v1/healthcare/chronic-certifications?homeRegion=110114&personId=" + PERSON).isEmpty()) {
            create("/api/v1/healthcare/chronic-certifications", Map.of("personId", PERSON, "homeRegion", "110114",
                    "diseaseCode", "M07800", "diseaseName", "尿毒症透析", "validFrom", "2025-01-01"));
        }
        subscriptions();
        for (JsonNode s : items("/api/v1/pairing/schools?size=100")) {
            add(MatrixKind.SCHOOL, s.path("code").asText(), List.of(MatrixPlace.school(s.path("regionCode").asText(),
                    s.path("code").asText())), null, Map.of());
        }
        // Shared resources (the demo has none): a lab each at 日坛中学 and 穆家峪中学, paired schools, so that
        // each may book the other's slot.
        Map<String, String> partners = Map.of("1111010501", "1111018001", "1111018001", "1111010501");
        for (String owner : List.of("1111010501", "1111018001")) {
            JsonNode resource = created("/api/v1/pairing/resources", Map.of("ownerSchool", owner,
                    "name", "创客实验室", "kind", "LAB"));
            JsonNode withSlot = created("/api/v1/pairing/resources/" + resource.path("id").asText() + "/slots",
                    Map.of("startsAt", "2027-03-01T09:00:00+08:00", "endsAt", "2027-03-01T11:00:00+08:00",
                            "capacity", 300));
            String booker = partners.get(owner);
            String slot = withSlot.path("slots").path(0).path("id").asText();
            // A booking for the cancellation cells: the partner's, one place of the slot's 300.
            JsonNode booking = created("/api/v1/pairing/resources/" + resource.path("id").asText() + "/slots/" + slot
                    + "/bookings", Map.of("school", booker, "places", 1));
            add(MatrixKind.RESOURCE, resource.path("id").asText(), List.of(schoolPlace(owner)), null,
                    Map.of("slot", slot, "booking", booking.path("id").asText(), "booker", booker,
                            "bookerRegion", schoolPlace(booker).region()));
        }
        for (JsonNode p : items("/api/v1/pairing/pairings?size=100")) {
            boolean regional = p.path("kind").asText().equals("REGION");
            add(MatrixKind.PAIRING, p.path("id").asText(), List.of(
                    side(p.path("supportingRegion").asText(), p.path("supportingParty").asText(), regional),
                    side(p.path("supportedRegion").asText(), p.path("supportedParty").asText(), regional)), null, Map.of());
        }
        for (MatrixTarget pairing : List.copyOf(of(MatrixKind.PAIRING))) {
            for (JsonNode activity : items("/api/v1/pairing/activities?size=100&pairing=" + pairing.id())) {
                add(MatrixKind.ACTIVITY, activity.path("id").asText(), pairing.places(), null, Map.of());
            }
        }
        // Buddy classes (the demo has none): two classes twinned in the first active pairing of two schools.
        items("/api/v1/pairing/pairings?size=100&status=ACTIVE").stream()
                .filter(p -> !p.path("kind").asText().equals("REGION")).findFirst().ifPresent(p -> {
                    JsonNode twin = created("/api/v1/pairing/buddy-classes", Map.of("pairingId", p.path("id").asText(),
                            "supportingClass", Map.of("name", "矩阵（1）班", "grade", 8, "students", 40),
                            "supportedClass", Map.of("name", "矩阵（2）班", "grade", 8, "students", 30),
                            "studyBuddyPairs", 30));
                    add(MatrixKind.BUDDY_CLASS, twin.path("id").asText(), of(MatrixKind.PAIRING).stream()
                            .filter(t -> t.id().equals(p.path("id").asText())).findFirst().orElseThrow().places(),
                            null, Map.of());
                });
        for (JsonNode a : items("/api/v1/pairing/alliances?size=100")) {
            List<MatrixPlace> places = new ArrayList<>();
            for (JsonNode m : a.path("members")) {
                places.add(MatrixPlace.school(m.path("regionCode").asText(), m.path("school").asText()));
            }
            // The lead first; removing the lead is refused after every authorisation check (422), so the cell
            // proves the check without emptying the alliance for the next one.
            add(MatrixKind.ALLIANCE, a.path("id").asText(), places, null,
                    Map.of("school", a.path("leadSchool").asText(), "area", "AFTER_SCHOOL"));
        }
        for (JsonNode t : items("/api/v1/rotation/teachers?size=100")) {
            // A school-written dossier entry of each teacher, for the withdrawal cells.
            JsonNode entry = created("/api/v1/rotation/teachers/" + t.path("id").asText() + "/dossier",
                    Map.of("kind", "TRAINING", "title", "矩阵校本研修", "startDate", "2026-03-01"));
            add(MatrixKind.TEACHER, t.path("id").asText(), List.of(MatrixPlace.school(t.path("regionCode").asText(),
                    t.path("schoolCode").asText())), t.path("staffNumber").asText(),
                    Map.of("entry", entry.path("id").asText()));
        }
        for (JsonNode p : items("/api/v1/rotation/posts?size=100")) {
            add(MatrixKind.POST, p.path("id").asText(), List.of(MatrixPlace.school(p.path("regionCode").asText(),
                    p.path("schoolCode").asText())), null, Map.of("status", p.path("status").asText()));
        }
        Set<String> runs = new LinkedHashSet<>();
        for (JsonNode a : items("/api/v1/rotation/assignments?size=100")) {
            add(MatrixKind.ASSIGNMENT, a.path("id").asText(), List.of(
                    MatrixPlace.school(a.path("fromRegion").asText(), a.path("fromSchool").asText()),
                    MatrixPlace.school(a.path("toRegion").asText(), a.path("toSchool").asText())),
                    teacherOf(a.path("teacherId").asText()), Map.of());
            if (a.path("mode").asText().equals("SHADOWING")) {
                add(MatrixKind.SHADOWING_PLACE, a.path("id").asText(), of(MatrixKind.ASSIGNMENT).get(
                        of(MatrixKind.ASSIGNMENT).size() - 1).places(), null, Map.of());
            }
            runs.add(a.path("runId").asText());
        }
        for (String run : runs) {
            JsonNode r = http.read(admin, "/api/v1/rotation/matching-runs/" + run);
            add(MatrixKind.RUN, run, List.of(MatrixPlace.region(r.path("regionCode").asText())), null, Map.of());
        }
        for (JsonNode i : items("/api/v1/healthcare/institutions?size=100")) {
            add(MatrixKind.INSTITUTION, i.path("code").asText(), List.of(MatrixPlace.institution(
                    i.path("regionCode").asText(), i.path("code").asText())), null, Map.of());
        }
        invite(callers);
        for (JsonNode i : items("/api/v1/healthcare/consortium-invitations?size=100")) {
            add(MatrixKind.INVITATION, i.path("id").asText(), List.of(
                    MatrixPlace.institution(i.path("leadRegion").asText(), i.path("leadCode").asText()),
                    MatrixPlace.institution(i.path("regionCode").asText(), i.path("institutionCode").asText())),
                    null, Map.of());
        }
        for (JsonNode c : items("/api/v1/healthcare/consortia?size=100")) {
            List<MatrixPlace> places = new ArrayList<>();
            for (JsonNode m : c.path("members")) {
                places.add(MatrixPlace.institution(m.path("regionCode").asText(), m.path("institutionCode").asText()));
            }
            // The lead (first member) cannot leave: 409 after the authorisation checks.
            String member = c.path("leadCode").asText();
            JsonNode items = http.read(admin, "/api/v1/healthcare/consortia/" + c.path("id").asText() + "/items");
            Map<String, String> params = new TreeMap<>();
            params.put("code", member);
            params.put("item", items.isEmpty() ? "987654321" : items.get(0).path("id").asText());
            add(MatrixKind.CONSORTIUM, c.path("id").asText(), places, null, params);
        }
        // An expert is seen at home and wherever its outreach schedules take it.
        List<JsonNode> schedules = items("/api/v1/healthcare/outreach-schedules?size=100");
        Map<String, MatrixPlace> expertHomes = new TreeMap<>();
        for (JsonNode e : items("/api/v1/healthcare/experts?size=100")) {
            MatrixPlace home = MatrixPlace.institution(e.path("homeRegion").asText(), e.path("homeInstitutionCode").asText());
            expertHomes.put(e.path("id").asText(), home);
            List<MatrixPlace> places = new ArrayList<>(List.of(home));
            schedules.stream().filter(s -> s.path("expertId").asText().equals(e.path("id").asText()))
                    .forEach(s -> places.add(MatrixPlace.institution(s.path("hostRegion").asText(),
                            s.path("hostInstitutionCode").asText())));
            add(MatrixKind.EXPERT, e.path("id").asText(), places, null, Map.of());
        }
        for (JsonNode s : schedules) {
            List<MatrixPlace> places = new ArrayList<>(List.of(MatrixPlace.institution(s.path("hostRegion").asText(),
                    s.path("hostInstitutionCode").asText())));
            Optional.ofNullable(expertHomes.get(s.path("expertId").asText())).ifPresent(places::add);
            add(MatrixKind.SCHEDULE, s.path("id").asText(), places, null, Map.of());
            JsonNode next = s.path("nextSessions");
            if (!next.isEmpty()) {
                String session = next.get(0).path("id").asText();
                add(MatrixKind.SESSION, session, places, null, Map.of());
                for (JsonNode appointment : http.read(admin, "/api/v1/healthcare/clinic-sessions/" + session + "/appointments")) {
                    add(MatrixKind.APPOINTMENT, appointment.path("id").asText(), places, null, Map.of());
                }
            }
        }
        for (JsonNode c : items("/api/v1/healthcare/consultations?size=100")) {
            add(MatrixKind.CONSULTATION, c.path("id").asText(), List.of(
                    MatrixPlace.institution(c.path("requesterRegion").asText(), c.path("requesterCode").asText()),
                    MatrixPlace.institution(c.path("consultantRegion").asText(), c.path("consultantCode").asText())),
                    null, Map.of());
        }
        for (JsonNode r : items("/api/v1/healthcare/ltc/requests?size=100")) {
            add(MatrixKind.LTC_REQUEST, r.path("id").asText(), List.of(MatrixPlace.region(r.path("homeRegion").asText()),
                    new MatrixPlace(r.path("residenceRegion").asText(), null, r.path("assessorInstitution").asText(null))),
                    null, Map.of());
        }
        // Settlements have no list; the demo's are read from the service's own database.
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + config.postgresPort()
                + "/healthcare", "healthcare", "healthcare-dev"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, home_region, treatment_region, institution_code "
                     + "FROM settlement ORDER BY created_at")) {
            while (rs.next()) {
                add(MatrixKind.SETTLEMENT, rs.getString(1), List.of(MatrixPlace.region(rs.getString(2)),
                        MatrixPlace.institution(rs.getString(3), rs.getString(4))), null, Map.of());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading settlements", e);
        }
        // A Changping insured's 备案 for Dezhou and chronic-disease certification, filed by the admin once.
        for (JsonNode f : http.read(admin, "/api/v1/healthcare/filings?homeRegion=110114&personId=" + PERSON)) {
            add(MatrixKind.FILING, f.path("id").asText(), List.of(MatrixPlace.region(f.path("homeRegion").asText()),
                    MatrixPlace.region(f.path("destinationRegion").asText())), null, Map.of());
        }
        for (JsonNode f : http.read(admin, "/api/v1/healthcare/chronic-certifications?homeRegion=110114&personId=" + PERSON)) {
            add(MatrixKind.CERTIFICATION, f.path("id").asText(), List.of(MatrixPlace.region(f.path("homeRegion").asText())),
                    null, Map.of());
        }
        Set<String> regions = new LinkedHashSet<>();
        for (MatrixCaller caller : callers) {
            if (!caller.region().isEmpty()) {
                regions.add(caller.region());
                Optional.ofNullable(MatrixPlace.parent(caller.region())).ifPresent(regions::add);
            }
        }
        for (String region : regions) {
            add(MatrixKind.REGION, region, List.of(MatrixPlace.region(region)), null, Map.of("code", "HD-0001"));
        }
        return this;
    }

    /**
     * A pending invitation: Dezhou's health officer enrols a Changping hospital in a Dezhou consortium (the admin's
     * own enrolment would join it at once). On a second run the invitation is already there (409).
     */
    private void invite(List<MatrixCaller> callers) {
        MatrixCaller dezhou = callers.stream().filter(c -> c.has(Expectations.HEALTH) && c.region().equals("371400")
                && c.institution().isEmpty()).findFirst().orElseThrow();
        JsonNode consortium = created("/api/v1/healthcare/consortia", Map.of("name", "德州市第二人民医院远程协作网",
                "kind", "REMOTE_NETWORK", "leadCode", "H3714000001"));
        created("/api/v1/healthcare/consortia/" + consortium.path("id").asText() + "/items",
                Map.of("title", "远程会诊每周二下午开放", "status", "ACTIVE"));
        MatrixHttp.Answer answer = http.send(dezhou, "POST", "/api/v1/healthcare/consortia/"
                + consortium.path("id").asText() + "/members", MatrixHttp.JSON.valueToTree(Map.of("institutionCode",
                "H1101140001")), Map.of());
        if (answer.status() != 202 && answer.status() != 409) {
            throw new IllegalStateException("the invitation answered " + answer.status() + ": " + answer.body());
        }
    }

    List<MatrixTarget> of(MatrixKind kind) {
        return targets.getOrDefault(kind, List.of());
    }

    Map<MatrixKind, Integer> counts() {
        Map<MatrixKind, Integer> counts = new EnumMap<>(MatrixKind.class);
        targets.forEach((kind, list) -> counts.put(kind, list.size()));
        return counts;
    }

    private String teacherOf(String teacherId) {
        return of(MatrixKind.TEACHER).stream().filter(t -> t.id().equals(teacherId)).map(MatrixTarget::teacher)
                .findFirst().orElse(null);
    }

    private static MatrixPlace side(String region, String party, boolean regional) {
        return regional ? MatrixPlace.region(region) : MatrixPlace.school(region, party);
    }

    /** Regions the admin's push subscriptions follow, so that callers have one in, beside and above their region. */
    private static final List<String> SUBSCRIBED_REGIONS = List.of("110105", "110114", "110000", "150702", "150000",
            "371400", "500000");

    /** Each area's push subscriptions, the admin's, disabled so that their state stays as made (again on a second run). */
    private void subscriptions() {
        for (String area : List.of("pairing", "rotation", "healthcare")) {
            MatrixKind kind = MatrixKind.valueOf(area.toUpperCase(java.util.Locale.ROOT) + "_SUBSCRIPTION");
            String path = "/api/v1/" + area + "/exchange/subscriptions";
            Map<String, String> existing = new TreeMap<>();
            items(path + "?size=200").forEach(s -> existing.put(s.path("description").asText(), s.path("id").asText()));
            for (String region : SUBSCRIBED_REGIONS) {
                String description = "授权矩阵 " + region;
                String id = existing.containsKey(description) ? existing.get(description)
                        : created(path, Map.of("endpoint", "http://127.0.0.1:9/matrix", "regions", List.of(region),
                        "description", description, "enabled", false)).path("subscription").path("id").asText();
                add(kind, id, List.of(MatrixPlace.region(region)), null, Map.of());
            }
        }
    }

    private void add(MatrixKind kind, String id, List<MatrixPlace> places, String teacher, Map<String, String> params) {
        targets.computeIfAbsent(kind, k -> new ArrayList<>()).add(new MatrixTarget(kind, id, places, teacher, params));
    }

    private List<JsonNode> items(String path) {
        List<JsonNode> list = new ArrayList<>();
        http.read(admin, path).path("items").forEach(list::add);
        return list;
    }

    private void create(String path, Map<String, Object> body) {
        MatrixHttp.Answer answer = http.send(admin, "POST", path, MatrixHttp.JSON.valueToTree(body), Map.of());
        if (answer.status() != 201 && answer.status() != 409) {
            throw new IllegalStateException("POST " + path + " " + body + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private MatrixPlace schoolPlace(String code) {
        return of(MatrixKind.SCHOOL).stream().filter(t -> t.id().equals(code)).findFirst().orElseThrow()
                .places().get(0);
    }

    private JsonNode created(String path, Map<String, Object> body) {
        MatrixHttp.Answer answer = http.send(admin, "POST", path, MatrixHttp.JSON.valueToTree(body), Map.of());
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("POST " + path + " " + body + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private static Map<String, Object> school(String code, String name, String region, String location) {
        return Map.of("code", code, "name", name, "regionCode", region, "locationType", location, "level", "JUNIOR");
    }

    private static Map<String, Object> institution(String code, String name, String region) {
        return Map.of("code", code, "name", name, "regionCode", region, "level", "THREE_A", "type", "GENERAL",
                "capabilities", List.of(), "latitude", 39.9, "longitude", 116.4);
    }
}
