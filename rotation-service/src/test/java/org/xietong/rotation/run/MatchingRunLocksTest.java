package org.xietong.rotation.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xietong.devstack.test.TestTokens;
import org.xietong.rotation.fixtures.PairingEvents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.rotation.fixtures.PostFixtures.dispatch;
import static org.xietong.rotation.fixtures.PostFixtures.post;
import static org.xietong.rotation.fixtures.PostFixtures.request;
import static org.xietong.rotation.fixtures.TeacherFixtures.register;
import static org.xietong.rotation.fixtures.TeacherFixtures.teacher;

/**
 * Matching runs wait only for runs of their own region, of a region inside it or of one containing it (issue 17,
 * item 7: one global lock made Chaoyang's run wait for Hulunbuir's). A run is held under way by taking its locks
 * in an open transaction; the runs are dry runs of regions without posts, so they answer at once when not blocked.
 */
@QuarkusTest
class MatchingRunLocksTest {

    @Inject
    MatchingRunLocks locks;

    @TestHTTPResource("/api/v1/rotation/matching-runs")
    URI runs;

    private static boolean warm;
    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> run(String region) {
        return run(region, true);
    }

    private CompletableFuture<HttpResponse<String>> run(String region, boolean dryRun) {
        String officer = TestTokens.user("edu-" + region, "education-officer").region(region).sign();
        return http.sendAsync(HttpRequest.newBuilder(runs).header("Authorization", "Bearer " + officer)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"regionCode\":\"" + region + "\",\"cycle\":2024,\"dryRun\":" + dryRun + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A first run, unblocked, so that the timed ones below do not pay for the service's first call. */
    @BeforeEach
    void warmUp() throws Exception {
        if (!warm) {
            assertEquals(201, run("130000").get(60, TimeUnit.SECONDS).statusCode());
            warm = true;
        }
    }

    /** A run of {@code region} under way until the returned latch is counted down. */
    private CountDownLatch underWay(String region) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            locks.lockRegion(region);
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.setDaemon(true);
        holder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS), "the run under way took its locks");
        return release;
    }

    @ParameterizedTest(name = "a run of {1} while {0} runs")
    @CsvSource({"110105, 150700", "150700, 110105", "110105, 110108", "150700, 150100", "110105, 150000"})
    void aRunOfAnotherRegionDoesNotWait(String underWay, String other) throws Exception {
        CountDownLatch release = underWay(underWay);
        try {
            HttpResponse<String> response = run(other).get(5, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.body());
        } finally {
            release.countDown();
        }
    }

    @ParameterizedTest(name = "a run of {1} while {0} runs")
    @CsvSource({"110105, 110105", "150700, 150000", "110000, 110105", "150700, 150782"})
    void aRunOfTheSameRegionOrOneNestedWithItWaitsForTheRunUnderWay(String underWay, String other) throws Exception {
        CountDownLatch release = underWay(underWay);
        CompletableFuture<HttpResponse<String>> waiting;
        try {
            waiting = run(other);
            Thread.sleep(1_500);
            assertFalse(waiting.isDone(), "the second run waits for the first");
        } finally {
            release.countDown();
        }
        HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void aTeacherProposedMeanwhileIsFoundWhenARunClaimsHim() throws Exception {
        String sending = "3232010201";
        String receiving = "3232010202";
        String officer = TestTokens.user("edu-xw", "education-officer").region("320102").sign();
        String receivingAdmin = TestTokens.user("xw-admin", "school-admin").region("320102").school(receiving).sign();
        try (PairingEvents events = new PairingEvents()) {
            events.school(sending, "南京市玄武中学", "320102", "JUNIOR", 32.05, 118.80)
                    .school(receiving, "南京市玄武区第二中学", "320102", "JUNIOR", 32.06, 118.81);
        }
        PairingEvents.awaitSchools(sending, receiving);
        long teacher = register(officer, teacher("XW-A", "周老师", sending));
        dispatch(officer, request(receivingAdmin, post(receiving)));
        HttpResponse<String> proposed = run("320102", false).get(30, TimeUnit.SECONDS);
        assertEquals(201, proposed.statusCode(), proposed.body());

        // What a run of another region, which had built its problem before this proposal, finds when it claims him.
        assertEquals(Set.of(teacher), QuarkusTransaction.requiringNew().call(() -> locks.claimTeachers(List.of(teacher))));
        assertEquals(Set.of(), QuarkusTransaction.requiringNew().call(() -> locks.claimTeachers(List.of(teacher + 1_000_000))));
    }
}
