package org.xietong.systemtests.soak;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The soak's mixed traffic: five virtual users, each on a thread of its own, together about ten requests a
 * second, a moderate load for a two-core machine that also runs the whole suite. Every caller stays well inside
 * the gateway's rate limits (a minute: read 1200, write 300, heavy 10 per user).
 */
public final class Traffic {

    private final List<VirtualUser> users;
    private final ExecutorService threads;

    private Traffic(List<VirtualUser> users) {
        this.users = users;
        this.threads = Executors.newFixedThreadPool(users.size());
    }

    /**
     * Paces (a round every …): pairing officer 3 s (8 requests, 6 of them writes as edu-chaoyang), rotation officer
     * 1.5 s (1.5), matching runs 10 s (one heavy request, two officers in turn), insurer 1.5 s (2.2), readers 0.25 s.
     */
    public static Traffic start(SoakClient client, SoakData data, RequestTally tally) {
        Traffic traffic = new Traffic(List.of(
                new PairingOfficer(Duration.ofSeconds(3), client, data, tally),
                new RotationOfficer(Duration.ofMillis(1500), client, data, tally),
                new MatchingOfficer(Duration.ofSeconds(10), client, data, tally),
                new Insurer(Duration.ofMillis(1500), client, data, tally),
                new Readers(Duration.ofMillis(250), client, data, tally)));
        traffic.users.forEach(traffic.threads::submit);
        return traffic;
    }

    /** Kinds every soak must have sent, or it did not exercise what it claims to. */
    public static List<RequestKind> essentialKinds() {
        return List.of(PairingOfficer.PROPOSE, PairingOfficer.RECORD_ACTIVITY, RotationOfficer.REGISTER_TEACHER,
                RotationOfficer.DISPATCH_POST, MatchingOfficer.RUN, Insurer.QUOTE, Insurer.SETTLE, Insurer.SETTLE_AGAIN);
    }

    /** Lets every user finish the round it is in, then ends the threads. */
    public void stop() throws InterruptedException {
        users.forEach(VirtualUser::stop);
        threads.shutdown();
        if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
            threads.shutdownNow();
            throw new IllegalStateException("virtual users still busy two minutes after the soak ended");
        }
    }
}
