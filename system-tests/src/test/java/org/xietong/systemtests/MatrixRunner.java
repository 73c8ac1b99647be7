package org.xietong.systemtests;


import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the cells, each through the gateway or straight to its service as the cell says. Reads go first, all at once; then the changes aimed at an object, one object
 * at a time (objects in parallel): first every object's refused changes, each checked by the admin to have left its
 * object as it was, then the permitted ones; then in the same way the changes that end or pause an object; last the changes that name no object. A change a caller may make is sent with a stale If-Match where the service
 * asks for one, so the answer (412) proves the checks let it through without changing anything.
 */
final class MatrixRunner {

    private static final int THREADS = 4;
    /**
     * Changes that end or pause an object go after all others, so that the other cells still find it as the
     * fixture left it (a concluded pairing makes its schools no partners, a withdrawn post takes no ranking).
     */
    private static final Set<String> FINAL = Set.of("conclude", "suspend", "resume", "cancel", "withdraw",
            "decline", "reject");
    private static final Map<String, String> STALE = Map.of("If-Match", "\"987654321\"");

    private final MatrixHttp http;
    private final MatrixCaller admin;

    MatrixRunner(MatrixHttp http, MatrixCaller admin) {
        this.http = http;
        this.admin = admin;
    }

    List<MatrixCell> run(List<MatrixCell> cells) throws Exception {
        List<MatrixCell> done = new ArrayList<>();
        List<MatrixCell> reads = new ArrayList<>();
        Map<String, List<MatrixCell>> changesByObject = new LinkedHashMap<>();
        Map<String, List<MatrixCell>> finalByObject = new LinkedHashMap<>();
        List<MatrixCell> otherChanges = new ArrayList<>();
        for (MatrixCell cell : cells) {
            if (cell.outcome() == MatrixOutcome.NOT_APPLICABLE) {
                done.add(cell);
            } else if (cell.op().read()) {
                reads.add(cell);
            } else if (cell.target() != null) {
                (ends(cell) ? finalByObject : changesByObject)
                        .computeIfAbsent(cell.target().kind() + " " + cell.target().id(), k -> new ArrayList<>())
                        .add(cell);
            } else {
                otherChanges.add(cell);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            done.addAll(all(pool, reads.stream().map(c -> (Job) () -> List.of(send(c))).toList()));
            for (Map<String, List<MatrixCell>> phase : List.of(changesByObject, finalByObject)) {
                // Every refusal before any permitted change: a permitted change to one object (a booking in a
                // session) may move what another object's read shows (the schedule's next sessions).
                done.addAll(all(pool, perObject(phase, true)));
                done.addAll(all(pool, perObject(phase, false)));
            }
            done.addAll(all(pool, otherChanges.stream().map(c -> (Job) () -> List.of(send(c))).toList()));
        } finally {
            pool.shutdownNow();
        }
        return done;
    }

    @FunctionalInterface
    private interface Job {
        List<MatrixCell> call() throws Exception;
    }

    private static List<MatrixCell> all(ExecutorService pool, List<Job> jobs) throws Exception {
        List<Future<List<MatrixCell>>> futures = new ArrayList<>();
        for (Job job : jobs) {
            futures.add(pool.submit(job::call));
        }
        List<MatrixCell> out = new ArrayList<>();
        for (Future<List<MatrixCell>> future : futures) {
            out.addAll(future.get());
        }
        return out;
    }

    /** One job per object for its refused changes, or for its permitted ones. */
    private List<Job> perObject(Map<String, List<MatrixCell>> byObject, boolean refused) {
        return byObject.values().stream()
                .map(group -> group.stream().filter(c -> c.outcome().denial() == refused).toList())
                .filter(group -> !group.isEmpty())
                .map(group -> (Job) () -> object(group))
                .toList();
    }

    /** The changes aimed at one object, one at a time; a refused one is checked to have changed nothing. */
    private List<MatrixCell> object(List<MatrixCell> group) {
        List<MatrixCell> out = new ArrayList<>();
        for (MatrixCell cell : group) {
            Optional<String> read = cell.outcome().denial() && cell.outcome() != MatrixOutcome.GATEWAY_DENIED
                    ? cell.target().kind().readPath(cell.target().id()) : Optional.empty();
            MatrixHttp.Answer before = read.map(p -> http.get(admin, p)).orElse(null);
            MatrixCell answered = send(cell);
            if (before != null && before.status() == 200 && answered.failure() == null) {
                MatrixHttp.Answer after = http.get(admin, read.get());
                if (after.status() != 200 || !after.json().equals(before.json())) {
                    answered = answered.answered(answered.status(), false,
                            "LEAK: a refused change changed the object", before.body() + " -> " + after.body());
                }
            }
            out.add(answered);
        }
        return out;
    }

    private static boolean ends(MatrixCell cell) {
        return cell.op().method().equals("DELETE") || FINAL.stream().anyMatch(cell.op().template()::endsWith);
    }

    private MatrixCell send(MatrixCell cell) {
        Map<String, String> headers = new java.util.HashMap<>(cell.op().read() ? Map.of() : STALE);
        if (cell.body() != null && cell.op().mediaType() != null) {
            // As the operation declares it: a service asked straight checks the media type before the purpose.
            headers.put("Content-Type", cell.op().mediaType());
        }
        MatrixHttp.Answer answer = http.send(cell.caller(), cell.route(), cell.op().method(), cell.path(), cell.body(),
                headers);
        boolean listed = cell.listing() && answer.status() == 200 && lists(answer.json(), cell.target().id());
        return cell.answered(answer.status(), listed, answer.status() >= 500 ? "server error" : null, answer.body());
    }

    private static boolean lists(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText()) || id.equals(item.path("code").asText())) {
                return true;
            }
        }
        return false;
    }
}
