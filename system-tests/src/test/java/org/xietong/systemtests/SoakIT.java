package org.xietong.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.DemoAccounts;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.ProcStatus;
import org.xietong.systemtests.soak.MemoryVerdict;
import org.xietong.systemtests.soak.MemoryWatch;
import org.xietong.systemtests.soak.RequestKind;
import org.xietong.systemtests.soak.RequestTally;
import org.xietong.systemtests.soak.SoakClient;
import org.xietong.systemtests.soak.SoakData;
import org.xietong.systemtests.soak.SoakSetup;
import org.xietong.systemtests.soak.TokenCache;
import org.xietong.systemtests.soak.Traffic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Soak (issue 8): mixed traffic through the gateway for a while — reads, writes, matching runs, settlements, from
 * five virtual users with real Keycloak tokens — answers nothing but each request's expected statuses, and the
 * memory of the services and the gateway stays flat after a warm-up (the first third). CI runs 90 s;
 * {@code -Dxietong.soak.duration=PT10M} runs the full soak (system-tests/README.md). The figures are printed and kept in
 * {@code target/soak.txt}.
 */
@ExtendWith(SharedStack.class)
// After the hostile input test; before the suite test, which loads the demo data (kept apart from the soak's, see
// SoakData) and stops the stack.
@Order(35)
class SoakIT {

    private static final Duration DURATION = Duration.parse(System.getProperty("xietong.soak.duration", "PT90S"));
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    /**
     * Growth allowed from the end of the warm-up to the end, both read right after a forced full collection. The
     * heap left stayed within ±1 MB over a 10-minute soak, so 4 MB (10 % of a bigger heap) fails a leak of a little
     * over 1 KB a request in the full soak (some 3,500 requests after the warm-up), of about 8 KB in the CI run. RSS
     * still creeps for a few minutes after the warm-up (JIT-compiled code, allocator arenas) before it levels off:
     * up to 22 MB (8 %) was seen, hence the looser RSS bound.
     */
    private static final MemoryVerdict.Bounds FLAT = new MemoryVerdict.Bounds(4, 10, 24, 10);

    @Test
    void mixedTrafficGetsOnlyExpectedAnswersAndMemoryStaysFlat(SharedStack.Suite suite) throws Exception {
        RequestTally tally = new RequestTally();
        List<DemoAccounts.Partner> partners = DemoAccounts.read(suite.config().realmFile()).partners();
        TokenCache tokens = new TokenCache(user -> user.startsWith("partner-")
                ? suite.tokens().clientCredentials(user, partners.stream().filter(p -> p.clientId().equals(user))
                        .findFirst().orElseThrow().secret())
                : suite.tokens().passwordGrant(user, user));
        SoakData data = new SoakSetup(new SoakClient(suite.gateway(), tokens, new RequestTally()),
                suite.config().root().resolve("deploy/demo")).prepare();
        SoakClient client = new SoakClient(suite.gateway(), tokens, tally);

        Duration warmUp = DURATION.dividedBy(3);
        MemoryWatch.Row afterWarmUp;
        MemoryWatch.Row atEnd;
        String series;
        List<String> unreadable;
        try (MemoryWatch memory = new MemoryWatch(watched(suite), Path.of(ChildProcess.javaBinary()).resolveSibling("jcmd"))) {
            memory.start(SAMPLE_EVERY);
            long start = System.nanoTime();
            Traffic traffic = Traffic.start(client, data, tally);
            try {
                sleepUntil(start, warmUp);
                afterWarmUp = memory.mark("after warm-up, GC");
                sleepUntil(start, DURATION);
                atEnd = memory.mark("at the end, GC");
            } finally {
                traffic.stop();
            }
            series = memory.seriesTable();
            unreadable = memory.problems();
        }

        MemoryVerdict verdict = MemoryVerdict.judge(afterWarmUp, atEnd, FLAT);
        String report = String.format(Locale.ROOT, "Soak: %d s of mixed traffic through the gateway (warm-up %d s), "
                        + "%d requests, %.1f a second, %d unexpected%n%n%s%nMemory every %d s (RSS / heap used, MB); "
                        + "the marks force a full collection first (jcmd GC.run)%n%s%s%nFlat after warm-up? Bounds: %s%n%s%n",
                DURATION.toSeconds(), warmUp.toSeconds(), tally.total(), tally.total() / (double) DURATION.toSeconds(),
                tally.unexpectedCount(), tally.table(), SAMPLE_EVERY.toSeconds(), series,
                unreadable.stream().map(p -> p + "\n").collect(Collectors.joining()), FLAT,
                String.join("\n", verdict.lines()));
        System.out.println(report);
        Files.writeString(Path.of("target/soak.txt"), report, StandardCharsets.UTF_8);

        assertEquals(List.of(), tally.unexpectedExamples(), tally.unexpectedCount() + " unexpected answers or failures");
        for (RequestKind kind : Traffic.essentialKinds()) {
            assertTrue(tally.count(kind.name()) > 0, "the soak sent no " + kind.name());
        }
        assertEquals(List.of(), verdict.failures(), "memory grew after the warm-up");
    }

    private static List<MemoryWatch.Watched> watched(SharedStack.Suite suite) {
        return Arrays.stream(SuiteService.values())
                .map(s -> new MemoryWatch.Watched(s.name().toLowerCase(Locale.ROOT),
                        ProcStatus.running(suite.stack().app(s).pid(), "QuarkusEntryPoint"),
                        // The gateway serves its metrics on its management port only.
                        s == SuiteService.GATEWAY ? "http://localhost:" + suite.config().gatewayManagementPort()
                                : suite.config().url(s)))
                .toList();
    }

    private static void sleepUntil(long start, Duration after) throws InterruptedException {
        long rest = start + after.toNanos() - System.nanoTime();
        if (rest > 0) {
            Thread.sleep(rest / 1_000_000);
        }
    }
}
