package org.xietong.pairing.coverage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;
import org.xietong.pairing.school.SchoolFixtures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coverage of a generated league of 2,000 schools, checked against a count made here, independently. */
@QuarkusTest
class CoverageResourceTest {

    private static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();
    private static final String[] LOCATIONS = {"URBAN", "TOWNSHIP", "RURAL"};
    private static final String[] LEVELS = {"PRIMARY", "JUNIOR", "NINE_YEAR", "SENIOR", "VOCATIONAL"};

    @Inject
    EntityManager em;

    @Test
    void coverageOfTwoThousandSchoolsMatchesAnIndependentCount() {
        Random random = new Random(2026);
        StringBuilder csv = new StringBuilder("code,name,regionCode,locationType,level\n");
        List<String[]> schools = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String code = "21525" + String.format("%05d", i);
            String region = String.format("1525%02d", 1 + random.nextInt(12));
            String location = LOCATIONS[random.nextInt(3)];
            String level = LEVELS[random.nextInt(LEVELS.length)];
            schools.add(new String[]{code, region, location, level});
            csv.append(code).append(",锡林郭勒盟学校").append(i).append(',').append(region).append(',')
                    .append(location).append(',').append(level).append('\n');
        }
        given().auth().oauth2(ADMIN).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/pairing/schools/import").then().statusCode(200);

        // Pair a random third of the schools with a random urban partner; a fifth of those pairs are not active.
        List<String[]> urban = schools.stream().filter(s -> s[2].equals("URBAN")).toList();
        Set<String> coveredByActive = new HashSet<>();
        int activePairs = 0;
        QuarkusTransaction.begin();
        for (String[] school : schools) {
            if (school[2].equals("URBAN") || random.nextInt(3) != 0) {
                continue;
            }
            String[] partner = urban.get(random.nextInt(urban.size()));
            String status = random.nextInt(5) == 0 ? "SUSPENDED" : "ACTIVE";
            em.createNativeQuery("INSERT INTO pairing (id, kind, supporting_party, supported_party, supporting_region, "
                            + "supported_region, status, term_start, term_end, created_at, created_by, updated_at) "
                            + "VALUES (?1, 'HAND_IN_HAND', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'test', ?9)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, partner[0]).setParameter(3, school[0])
                    .setParameter(4, partner[1]).setParameter(5, school[1]).setParameter(6, status)
                    .setParameter(7, LocalDate.of(2026, 9, 1)).setParameter(8, LocalDate.of(2029, 8, 31))
                    .setParameter(9, Instant.now()).executeUpdate();
            if (status.equals("ACTIVE")) {
                em.createNativeQuery("INSERT INTO pairing_active_period (pairing_id, active_from) "
                                + "SELECT id, term_start FROM pairing WHERE supported_party = ?1")
                        .setParameter(1, school[0]).executeUpdate();
                coveredByActive.add(school[0]);
                coveredByActive.add(partner[0]);
                activePairs++;
            }
        }
        QuarkusTransaction.commit();

        int target = 0;
        int covered = 0;
        int targetIn152503 = 0;
        int coveredIn152503 = 0;
        for (String[] s : schools) {
            boolean isTarget = !s[2].equals("URBAN") && List.of("PRIMARY", "JUNIOR", "NINE_YEAR").contains(s[3]);
            if (isTarget) {
                target++;
                covered += coveredByActive.contains(s[0]) ? 1 : 0;
                if (s[1].equals("152503")) {
                    targetIn152503++;
                    coveredIn152503 += coveredByActive.contains(s[0]) ? 1 : 0;
                }
            }
        }

        JsonPath report = given().auth().oauth2(ADMIN).get("/api/v1/pairing/coverage?region=152500")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2000, report.getInt("schools"));
        assertEquals(target, report.getInt("targetSchools"));
        assertEquals(covered, report.getInt("coveredSchools"));
        assertEquals(BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP),
                new BigDecimal(report.getString("ratio")));
        assertEquals(activePairs, report.getInt("activePairs"));
        assertEquals(12, report.getList("districts").size());
        assertEquals(targetIn152503, report.getInt("districts.find { it.regionCode == '152503' }.targetSchools"));
        assertEquals(coveredIn152503, report.getInt("districts.find { it.regionCode == '152503' }.coveredSchools"));

        String district = TestTokens.user("edu-152503", "education-officer").region("152503").sign();
        given().auth().oauth2(district).get("/api/v1/pairing/coverage").then().statusCode(200)
                .body("targetSchools", org.hamcrest.Matchers.equalTo(targetIn152503));
        given().auth().oauth2(district).get("/api/v1/pairing/coverage?region=152500").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(district).get("/api/v1/pairing/coverage?region=15250").then().statusCode(400);
    }

    /** Issue 20: coverage (一区一表) answered JSON only; a bureau wants the table in a spreadsheet. */
    @Test
    void coverageAsCsvIsTheSameTableForASpreadsheet() {
        JsonPath json = given().auth().oauth2(ADMIN).get("/api/v1/pairing/coverage?region=110000").then()
                .statusCode(200).extract().jsonPath();
        byte[] csv = given().auth().oauth2(ADMIN).accept("text/csv").get("/api/v1/pairing/coverage?region=110000")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();

        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "a byte-order mark, so spreadsheets read UTF-8");
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertEquals("level,regionCode,asOf,schools,targetSchools,coveredSchools,ratio,activePairs,"
                + "primaryAndSecondarySchools,groupedSchools,groupRatio,ruralSchools,ruralGroupedSchools,ruralGroupRatio,"
                + "compulsorySchools,schoolDistrictSchools,schoolDistrictRatio",
                lines.get(0));
        List<String> region = List.of(lines.get(1).split(",", -1));
        assertEquals(List.of("REGION", "110000", json.getString("asOf"), json.getString("schools"),
                json.getString("targetSchools"), json.getString("coveredSchools")), region.subList(0, 6));
        assertEquals(List.of(json.getString("activePairs"), json.getString("primaryAndSecondarySchools"),
                json.getString("groupedSchools")), region.subList(7, 10));
        // The same ratios; the CSV writes the decimal as stored (0.6000), JSON as a number (0.6).
        assertEquals(0, new BigDecimal(json.getString("ratio")).compareTo(new BigDecimal(region.get(6))), lines.get(1));
        assertEquals(0, new BigDecimal(json.getString("groupRatio")).compareTo(new BigDecimal(region.get(10))), lines.get(1));
        assertEquals(json.getList("districts").size(), lines.size() - 2, "one row per district");
    }

    /**
     * Alxa's pairing was ACTIVE from January and is suspended today: coverage on a day in June counts it, today's
     * does not. Before, coverage counted pairings ACTIVE now, so June's figure changed with today's suspension.
     */
    @Test
    void aPairingSuspendedSinceStillCoversTheDaysItWasActive() {
        SchoolFixtures.register(ADMIN, "2152921001", "阿拉善左旗第一中学", "152921", "URBAN").then().statusCode(201);
        SchoolFixtures.register(ADMIN, "2152922001", "阿拉善右旗乡村学校", "152922", "RURAL").then().statusCode(201);
        String left = TestTokens.user("edu-152921", "education-officer").region("152921").sign();
        String right = TestTokens.user("edu-152922", "education-officer").region("152922").sign();
        String id = given().auth().oauth2(left).contentType("application/json")
                .body(java.util.Map.of("kind", "HAND_IN_HAND", "supportingParty", "2152921001", "supportedParty", "2152922001"))
                .post("/api/v1/pairing/pairings").then().statusCode(201).extract().path("id");
        for (String[] side : List.of(new String[]{left, "SUPPORTING"}, new String[]{right, "SUPPORTED"})) {
            given().auth().oauth2(side[0]).contentType("application/json").body(java.util.Map.of("side", side[1]))
                    .post("/api/v1/pairing/pairings/" + id + "/approvals").then().statusCode(200);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE pairing SET term_start = DATE '2026-01-01' WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("UPDATE pairing_active_period SET active_from = DATE '2026-01-01' WHERE pairing_id = ?1")
                    .setParameter(1, UUID.fromString(id)).executeUpdate();
        });

        given().auth().oauth2(right).contentType("application/json").post("/api/v1/pairing/pairings/" + id + "/suspend")
                .then().statusCode(200);

        given().auth().oauth2(ADMIN).get("/api/v1/pairing/coverage?region=152900&asOf=2026-06-01").then().statusCode(200)
                .body("coveredSchools", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(ADMIN).get("/api/v1/pairing/coverage?region=152900").then().statusCode(200)
                .body("coveredSchools", org.hamcrest.Matchers.equalTo(0));
    }
}
