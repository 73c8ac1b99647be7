package org.xietong.systemtests.soak;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Chaoyang's education officer pairs a new urban school with a new rural one (hand in hand), Beijing's officer
 * approves the other side, and the pairing's first activity is recorded. Registering a school twice is the 409 a
 * real client meets.
 */
final class PairingOfficer extends VirtualUser {

    static final String OFFICER = "edu-chaoyang";
    static final String CITY_OFFICER = "edu-beijing";
    static final RequestKind REGISTER = RequestKind.of("pairing: register school", 201);
    static final RequestKind REGISTER_AGAIN = RequestKind.of("pairing: register school again (409)", 409);
    static final RequestKind PROPOSE = RequestKind.of("pairing: propose pairing", 201);
    static final RequestKind APPROVE = RequestKind.of("pairing: approve a side", 200);
    static final RequestKind RECORD_ACTIVITY = RequestKind.of("pairing: record activity", 201);
    private static final String SCHOOLS = "/api/v1/pairing/schools";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    PairingOfficer(Duration pace, SoakClient client, SoakData data, RequestTally tally) {
        super("pairing officer", pace, client, data, tally);
    }

    static Map<String, Object> school(String code, String location, int n) {
        return Map.of("code", code, "regionCode", SoakData.REGION, "name", "朝阳区协同测试" + n + "号小学",
                "locationType", location, "level", "PRIMARY", "latitude", 39.90 + (n % 20) * 0.01,
                "longitude", 116.45 + (n % 17) * 0.01, "studentCount", 300 + n % 900);
    }

    static Map<String, Object> handInHand(String supporting, String supported) {
        return Map.of("kind", "HAND_IN_HAND", "supportingParty", supporting, "supportedParty", supported,
                "goals", "跟岗研修、联合教研");
    }

    @Override
    void iteration(int n) {
        String urban = data.nextSchoolCode();
        String rural = data.nextSchoolCode();
        require(client.post(REGISTER, OFFICER, SCHOOLS, school(urban, "URBAN", n)), 201);
        require(client.post(REGISTER, OFFICER, SCHOOLS, school(rural, n % 2 == 0 ? "RURAL" : "TOWNSHIP", n)), 201);
        data.schools.add(urban);
        data.schools.add(rural);
        client.post(REGISTER_AGAIN, OFFICER, SCHOOLS, school(urban, "URBAN", n));

        String id = require(client.post(PROPOSE, OFFICER, "/api/v1/pairing/pairings", handInHand(urban, rural)), 201)
                .text("id");
        require(client.post(APPROVE, OFFICER, "/api/v1/pairing/pairings/" + id + "/approvals", Map.of("side", "SUPPORTING")), 200);
        require(client.post(APPROVE, CITY_OFFICER, "/api/v1/pairing/pairings/" + id + "/approvals", Map.of("side", "SUPPORTED")), 200);
        data.pairings.add(id);

        LocalDate day = LocalDate.now(CHINA).minusDays(1 + n % 30);
        client.post(RECORD_ACTIVITY, OFFICER, "/api/v1/pairing/activities", Map.of("pairingId", id,
                "kind", n % 2 == 0 ? "TEACHER_TRAINING" : "LECTURE", "startDate", day.toString(), "endDate", day.toString(),
                "schools", List.of(urban, rural), "teachers", 5 + n % 20, "summary", "协同教研活动 " + n));
    }
}
