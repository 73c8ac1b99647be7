package org.xietong.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady write load through the gateway: school registrations at a fixed rate, each one a
 * {@code school.registered} event of pairing-service that rotation-service consumes. The schedule does not wait
 * for answers (a slow answer does not slow the load); every attempt is kept with its answer.
 */
final class SchoolWrites {

    /** One registration: when it was sent (System.nanoTime()), its answer or why there was none, and how long it took. */
    record Write(String code, long sentAt, int status, long millis, String failure) {
        boolean created() {
            return status == 201;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway;
    private final String token;
    private final String region;
    private final String codePrefix;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();

    /** {@code codePrefix} and a five-digit sequence number make the ten-digit school codes. */
    private SchoolWrites(String gateway, String token, String region, String codePrefix) {
        if (codePrefix.length() != 5) {
            throw new IllegalArgumentException("a school code is the 5-digit prefix and a 5-digit number");
        }
        this.gateway = gateway;
        this.token = token;
        this.region = region;
        this.codePrefix = codePrefix;
    }

    static SchoolWrites start(String gateway, String token, String region, String codePrefix, int perSecond) {
        SchoolWrites load = new SchoolWrites(gateway, token, region, codePrefix);
        load.clock.scheduleAtFixedRate(() -> load.senders.execute(load::registerOne), 0, 1000 / perSecond,
                TimeUnit.MILLISECONDS);
        return load;
    }

    private void registerOne() {
        String code = codePrefix + String.format("%05d", sequence.incrementAndGet());
        String body = "{\"code\":\"" + code + "\",\"regionCode\":\"" + region + "\",\"name\":\"故障演练学校" + code
                + "\",\"locationType\":\"URBAN\",\"level\":\"PRIMARY\"}";
        long sent = System.nanoTime();
        try {
            HttpRequest register = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/pairing/schools"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HTTP.send(register, HttpResponse.BodyHandlers.ofString());
            ContractConformance.check(register, body, response);
            writes.add(new Write(code, sent, response.statusCode(), elapsedMillis(sent),
                    response.statusCode() == 201 ? null : response.body()));
        } catch (IOException | RuntimeException e) {
            writes.add(new Write(code, sent, -1, elapsedMillis(sent), e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writes.add(new Write(code, sent, -1, elapsedMillis(sent), "interrupted"));
        }
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    /** Stops sending, waits for the answers still due and returns every write in the order they were sent. */
    List<Write> stop() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        senders.shutdown();
        if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
        List<Write> all = new ArrayList<>(writes);
        all.sort(java.util.Comparator.comparingLong(Write::sentAt));
        return all;
    }

    /** How many have been answered 201 so far. */
    long createdSoFar() {
        return writes.stream().filter(Write::created).count();
    }
}
