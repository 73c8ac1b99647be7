package org.xietong.systemtests.soak;

import java.time.Duration;

/**
 * One simulated client of the suite: repeats an iteration of requests at a steady pace until stopped. An answer
 * other than the one an iteration needs to go on ends that iteration (the tally has already counted the answer);
 * anything else going wrong in the soak's own code is counted as a failure too.
 */
abstract class VirtualUser implements Runnable {

    /** Ends an iteration whose request did not get the answer the next request needs. */
    static final class Unexpected extends RuntimeException {
        Unexpected() {
            super(null, null, false, false);
        }
    }

    private final String name;
    private final Duration pace;
    protected final SoakClient client;
    protected final SoakData data;
    private final RequestTally tally;
    private volatile boolean stopped;

    VirtualUser(String name, Duration pace, SoakClient client, SoakData data, RequestTally tally) {
        this.name = name;
        this.pace = pace;
        this.client = client;
        this.data = data;
        this.tally = tally;
    }

    /** One round of this user's requests; {@code n} counts from 0. */
    abstract void iteration(int n);

    static SoakClient.Answer require(SoakClient.Answer answer, int status) {
        if (!answer.is(status)) {
            throw new Unexpected();
        }
        return answer;
    }

    @Override
    public final void run() {
        for (int n = 0; !stopped; n++) {
            long start = System.nanoTime();
            try {
                iteration(n);
            } catch (Unexpected e) {
                // counted by the tally when the answer came
            } catch (RuntimeException e) {
                tally.recordFailure(name + ", iteration " + n + ": " + e);
            }
            long rest = pace.toNanos() - (System.nanoTime() - start);
            if (rest > 0 && !stopped) {
                try {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Counts something the soak saw go wrong that no status shows, e.g. a retried bill settled twice. */
    void fail(String detail) {
        tally.recordFailure(name + ": " + detail);
    }

    void stop() {
        stopped = true;
    }

    String name() {
        return name;
    }
}
