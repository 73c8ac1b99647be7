package org.xietong.gateway.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * The access log's lines leave the event loops through a queue that one writer thread empties every 50 ms. Handing
 * each line to an asynchronous log handler woke its thread once a request (a futex call on the event loop and two
 * context switches), about a tenth of the gateway's CPU under load; writing on the event loop would stall it on
 * the disk. A line is written at most about 50 ms late. When the disk cannot keep up and the queue holds
 * {@link #CAPACITY} lines, further lines are dropped and counted (xietong_gateway_access_log_dropped_total, and a
 * warning) rather than stall the event loops or grow without bound.
 */
@ApplicationScoped
public class AccessLog {

    static final int CAPACITY = 100_000;
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Logger ACCESS = Logger.getLogger("xietong.access");
    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread writer;

    public AccessLog(MeterRegistry registry) {
        FunctionCounter.builder("xietong.gateway.access.log.dropped", dropped, AtomicLong::get)
                .description("Access-log lines dropped because the log could not keep up")
                .register(registry);
    }

    /** Queues one line; never blocks. */
    public void add(String line) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        lines.add(line);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::run, "access-log");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            LockSupport.unpark(writer);
            writer.join(5_000);
        }
    }

    private void run() {
        long reportedDrops = 0;
        while (running) {
            LockSupport.parkNanos(PERIOD_NANOS);
            drain();
            long drops = dropped.get();
            if (drops > reportedDrops) {
                LOG.warnf("%d access-log lines dropped: the log could not keep up", drops - reportedDrops);
                reportedDrops = drops;
            }
        }
        drain();
    }

    private void drain() {
        String line;
        while ((line = lines.poll()) != null) {
            queued.decrementAndGet();
            ACCESS.info(line);
        }
    }
}
