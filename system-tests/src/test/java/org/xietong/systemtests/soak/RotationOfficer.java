package org.xietong.systemtests.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Beijing's education officer registers teachers of the soak's base schools and, every fourth round, requests and
 * dispatches a post there for the coming cycle, so the matching runs have a growing problem to solve.
 */
final class RotationOfficer extends VirtualUser {

    static final String OFFICER = "edu-beijing";
    static final RequestKind REGISTER_TEACHER = RequestKind.of("rotation: register teacher", 201);
    static final RequestKind REQUEST_POST = RequestKind.of("rotation: request post", 201);
    static final RequestKind DISPATCH_POST = RequestKind.of("rotation: dispatch post", 200);
    private static final List<String> SUBJECTS = List.of("PE", "ARTS", "IT", "SCIENCE");

    RotationOfficer(Duration pace, SoakClient client, SoakData data, RequestTally tally) {
        super("rotation officer", pace, client, data, tally);
    }

    @Override
    void iteration(int n) {
        List<String> schools = data.baseSchools();
        Map<String, Object> teacher = Map.ofEntries(
                Map.entry("staffNumber", data.nextStaffNumber()), Map.entry("name", "轮岗教师" + n),
                Map.entry("birthDate", (1972 + n % 20) + "-03-0" + (1 + n % 9)),
                Map.entry("gender", n % 2 == 0 ? "FEMALE" : "MALE"),
                Map.entry("subjects", List.of(SUBJECTS.get(n % SUBJECTS.size()))), Map.entry("level", "PRIMARY"),
                Map.entry("title", n % 3 == 0 ? "SENIOR" : "FIRST"), Map.entry("backbone", n % 4 == 0 ? "DISTRICT" : "NONE"),
                Map.entry("schoolCode", schools.get(n % schools.size())), Map.entry("joinedSchoolOn", "2014-09-01"),
                Map.entry("cadre", false), Map.entry("tags", List.of(n % 2 == 0 ? "课后服务" : "教研")));
        long id = require(client.post(REGISTER_TEACHER, OFFICER, "/api/v1/rotation/teachers", teacher), 201)
                .body().path("id").asLong();
        data.teachers.add(id);

        if (n % 4 == 0) {
            Map<String, Object> post = Map.of("schoolCode", data.ruralBase.get(n / 4 % 2),
                    "subject", SUBJECTS.get(n / 4 % SUBJECTS.size()), "level", "PRIMARY", "seats", 1 + n % 2,
                    "mode", "FULL_TIME", "startDate", SoakData.CYCLE + "-09-01", "months", 12,
                    "preferredTags", List.of("课后服务"), "description", "协同测试岗位 " + n);
            long postId = require(client.post(REQUEST_POST, OFFICER, "/api/v1/rotation/posts", post), 201)
                    .body().path("id").asLong();
            client.post(DISPATCH_POST, OFFICER, "/api/v1/rotation/posts/" + postId + "/dispatch", null);
        }
    }
}
