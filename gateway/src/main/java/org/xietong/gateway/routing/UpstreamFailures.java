package org.xietong.gateway.routing;

import io.vertx.circuitbreaker.OpenCircuitException;
import org.xietong.platform.problem.Problem;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Which failure of an exchange with one service the caller hears as which problem: an open circuit or an unreachable
 * service 503, a service that did not answer in time 504, busy connections 503 with a retry, a body over the route's
 * limit 413, a body that did not arrive in time 408. Every problem names the service (but the 413, which is the
 * route's). Pure: no Vert.x instance needed.
 */
public final class UpstreamFailures {

    /** The problem for the caller; {@code retryAfterSeconds} for a Retry-After header, or null for none. */
    public record Refusal(Problem problem, Long retryAfterSeconds, boolean unexpected) {
    }

    private final String service;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration breakerReset;
    private final int maxConnections;

    public UpstreamFailures(String service, Duration connectTimeout, Duration readTimeout, Duration breakerReset,
                            int maxConnections) {
        this.service = service;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.breakerReset = breakerReset;
        this.maxConnections = maxConnections;
    }

    static UpstreamFailures of(String service, GatewayConfig.Upstream upstream) {
        return new UpstreamFailures(service, upstream.connectTimeout(), upstream.readTimeout(), upstream.breakerReset(),
                upstream.maxConnections());
    }

    /**
     * The exchange failed before the service answered: its circuit is open (503, retry when it may be tried again),
     * it did not answer in time (504), or it could not be reached (503, {@code unexpected}: worth a warning).
     */
    public Refusal failed(Throwable failure) {
        if (failure instanceof OpenCircuitException) {
            long seconds = Math.max(1, breakerReset.toSeconds());
            return new Refusal(named(Problem.of(503, "service-unavailable", "Service unavailable", "The " + service
                    + " service failed repeatedly and is rested for up to " + seconds + " s; other services answer as usual")),
                    seconds, false);
        }
        if (isTimeout(failure)) {
            return new Refusal(named(Problem.of(504, "service-timeout", "Service did not answer in time", "The " + service
                    + " service did not answer within " + readTimeout.toSeconds() + " s")), null, false);
        }
        return new Refusal(named(Problem.of(503, "service-unavailable", "Service unavailable",
                "The " + service + " service cannot be reached; other services answer as usual")), null, true);
    }

    /** Every pooled connection to the service stayed busy for the connect timeout: not the service's failure. */
    public Refusal allConnectionsBusy() {
        return new Refusal(named(Problem.of(503, "service-busy", "Service busy", "All " + maxConnections
                + " connections of this gateway thread to the " + service + " service were busy for "
                + connectTimeout.toMillis() + " ms; retry shortly")), 1L, false);
    }

    /** The caller's body did not all arrive within the route's upload deadline. */
    public Problem uploadTooSlow(Duration uploadDeadline, long received) {
        return named(Problem.of(408, "upload-too-slow", "Request body too slow",
                "The request body did not arrive within " + uploadDeadline.toSeconds() + " s (this route's upload "
                        + "deadline); received " + received + " bytes"));
    }

    /** The caller's body outgrew the route's limit (the route's rule, so no service is named). */
    public static Problem tooLarge(long maxBody) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "This route accepts bodies up to " + maxBody + " bytes");
    }

    /** The service answered 502, 503 or 504: relayed as it is, yet counted against its circuit. */
    public static boolean unhealthy(int status) {
        return status >= 502 && status <= 504;
    }

    /**
     * Vert.x fails a request that waited its connect timeout for a pooled connection with this message; a
     * connection the service does not accept in time fails differently (a connect timeout of the socket).
     */
    public static boolean isPoolWait(Throwable failure) {
        return failure instanceof TimeoutException && String.valueOf(failure.getMessage()).contains("getting a connection");
    }

    static boolean isTimeout(Throwable failure) {
        if (failure instanceof ConnectException) {
            return false;
        }
        return failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout");
    }

    private Problem named(Problem problem) {
        return problem.withExtension("service", service);
    }
}
