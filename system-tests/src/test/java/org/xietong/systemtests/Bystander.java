package org.xietong.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Another caller who keeps using the service while it is attacked: one read every quarter of a second, each answer
 * (or failure) kept, so that a test can show the attack did not take the service from everyone else.
 */
final class Bystander implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> answers = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    Bystander(String url, String token) {
        thread = new Thread(() -> {
            while (!stopped) {
                long begin = System.nanoTime();
                String answer;
                try {
                    HttpRequest read = HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).build();
                    HttpResponse<String> response = http.sendAsync(read, HttpResponse.BodyHandlers.ofString())
                            .get(25, TimeUnit.SECONDS);
                    ContractConformance.check(read, null, response);
                    answer = String.valueOf(response.statusCode());
                } catch (ExecutionException | TimeoutException e) {
                    answer = "failed: " + e;
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (answers) {
                    answers.add(answer + " in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bystander");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every answer so far, "200 in 12 ms" or "failed: …". */
    List<String> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** The answers that were not 2xx. */
    List<String> failures() {
        return answers().stream().filter(a -> !a.startsWith("2")).toList();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(30_000);
    }
}
