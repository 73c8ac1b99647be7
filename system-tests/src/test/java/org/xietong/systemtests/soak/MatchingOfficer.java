package org.xietong.systemtests.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Matching runs over Chaoyang's dispatched posts in the soak's cycle, Chaoyang's and Beijing's officers taking
 * turns (each stays well inside the gateway's heavy class, 10 a minute), optimal and stable in turn. They are dry
 * runs: the solve is real, but no assignment is proposed, so the soak's teachers stay free for the next run.
 */
final class MatchingOfficer extends VirtualUser {

    static final RequestKind RUN = RequestKind.of("rotation: matching run (dry)", 201);
    private static final List<String> OFFICERS = List.of(PairingOfficer.OFFICER, RotationOfficer.OFFICER);

    MatchingOfficer(Duration pace, SoakClient client, SoakData data, RequestTally tally) {
        super("matching officer", pace, client, data, tally);
    }

    @Override
    void iteration(int n) {
        SoakClient.Answer run = client.post(RUN, OFFICERS.get(n % 2), "/api/v1/rotation/matching-runs",
                Map.of("regionCode", SoakData.REGION, "cycle", SoakData.CYCLE, "mode", n % 3 == 2 ? "STABLE" : "OPTIMAL",
                        "dryRun", true));
        data.runs.add(require(run, 201).text("id"));
    }
}
