package org.xietong.systemtests.soak;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Many callers reading, one read a round in turn: lists and single objects of every service, as officers, a school
 * admin, a teacher, hospital staff, an insurer and a partner system. Reading a Chaoyang school as Miyun's officer
 * is the 404 region scoping answers.
 */
final class Readers extends VirtualUser {

    /** One read: which kind, as whom, which path (empty when there is nothing to read yet). */
    private record Read(RequestKind kind, String user, Optional<String> path) {
    }

    @FunctionalInterface
    private interface ReadSource {
        Read next(SoakData data, int n);
    }

    private static final List<ReadSource> READS = List.of(
            (d, n) -> read("pairing: list schools", "edu-miyun", "/api/v1/pairing/schools?region=110118&size=20"),
            (d, n) -> read("pairing: get school", "edu-chaoyang", d.schools.any().map(c -> "/api/v1/pairing/schools/" + c)),
            (d, n) -> new Read(RequestKind.of("pairing: school of another district (404)", 404), "edu-miyun",
                    d.schools.any().map(c -> "/api/v1/pairing/schools/" + c)),
            (d, n) -> read("pairing: get pairing", "edu-chaoyang", d.pairings.any().map(id -> "/api/v1/pairing/pairings/" + id)),
            (d, n) -> read("pairing: list activities", "edu-chaoyang",
                    d.pairings.any().map(id -> "/api/v1/pairing/activities?pairing=" + id)),
            (d, n) -> read("pairing: list pairings", "school-mujiayu", "/api/v1/pairing/pairings?status=ACTIVE"),
            (d, n) -> read("pairing: coverage", "edu-beijing", "/api/v1/pairing/coverage?region=" + SoakData.REGION),
            (d, n) -> read("pairing: exchange feed", "edu-chaoyang", "/api/v1/pairing/exchange/events?limit=20"),
            (d, n) -> read("rotation: list teachers", "edu-chaoyang",
                    "/api/v1/rotation/teachers?size=20&school=" + d.baseSchools().get(n % 4)),
            (d, n) -> read("rotation: get teacher", "edu-chaoyang", d.teachers.any().map(id -> "/api/v1/rotation/teachers/" + id)),
            (d, n) -> read("rotation: list posts", "edu-chaoyang",
                    "/api/v1/rotation/posts?status=DISPATCHED&region=" + SoakData.REGION),
            (d, n) -> read("rotation: get matching run", "edu-chaoyang",
                    d.runs.any().map(id -> "/api/v1/rotation/matching-runs/" + id)),
            (d, n) -> read("rotation: own teacher record", "teacher-demo", "/api/v1/rotation/teachers"),
            (d, n) -> read("rotation: statistics", "edu-beijing",
                    "/api/v1/rotation/stats?region=" + SoakData.REGION + "&cycle=" + SoakData.CYCLE),
            (d, n) -> read("healthcare: list institutions", "hospital-leling", "/api/v1/healthcare/institutions?region=3714"),
            (d, n) -> read("healthcare: catalog item", "hospital-leling",
                    "/api/v1/healthcare/catalogs/" + SoakData.TREATMENT_REGION + "/items/BED-0001"),
            (d, n) -> read("healthcare: get settlement", Insurer.INSURER,
                    d.settlements.any().map(id -> "/api/v1/healthcare/settlements/" + id)),
            (d, n) -> read("healthcare: settlement policy", Insurer.INSURER,
                    "/api/v1/healthcare/settlement-policies/" + SoakData.HOME_REGION),
            (d, n) -> read("healthcare: exchange feed (partner)", "partner-500000", "/api/v1/healthcare/exchange/events?limit=20"));

    Readers(Duration pace, SoakClient client, SoakData data, RequestTally tally) {
        super("readers", pace, client, data, tally);
    }

    private static Read read(String kind, String user, String path) {
        return read(kind, user, Optional.of(path));
    }

    private static Read read(String kind, String user, Optional<String> path) {
        return new Read(RequestKind.of(kind, 200), user, path);
    }

    @Override
    void iteration(int n) {
        Read read = READS.get(n % READS.size()).next(data, n / READS.size());
        read.path().ifPresent(path -> client.get(read.kind(), read.user(), path));
    }
}
