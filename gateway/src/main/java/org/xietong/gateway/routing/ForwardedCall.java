package org.xietong.gateway.routing;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.xietong.gateway.observability.RequestObservation;
import org.xietong.platform.problem.ProblemResponses;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * One caller's exchange with a service, from the caller's request to the end of the service's answer. Every event
 * of the exchange (a body chunk, a connection, the answer, a deadline, the caller leaving) is one method here, and
 * what the exchange has seen so far is in its fields; all of it runs on the caller's event loop.
 * <p>
 * The body: the first {@link #HOLD_BEFORE_CONNECT} bytes (all of a small one) are held before one of the service's
 * pooled connections is taken, so a caller trickling bytes holds none; then it is streamed with back-pressure,
 * counted against the route's limit. The whole body must arrive within the upload deadline. A failure the caller
 * caused (they left, stopped sending, sent too much) is not held against the service's circuit.
 */
final class ForwardedCall {

    /** Logs under the Forwarder category, as before the forwarder was split up. */
    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    /** Bytes of a body held before a connection to the service is taken (a smaller body is held whole). */
    static final int HOLD_BEFORE_CONNECT = 64 * 1024;
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** A 502–504 from the service counts against its circuit, yet the caller still gets the service's own answer. */
    private static final class UnhealthyAnswer extends RuntimeException {
        final HttpClientResponse response;

        UnhealthyAnswer(HttpClientResponse response) {
            super("upstream answered " + response.statusCode(), null, false, false);
            this.response = response;
        }
    }

    private final Vertx vertx;
    private final String service;
    private final UpstreamClients upstream;
    private final UpstreamFailures failures;
    private final Duration readTimeout;
    private final RoutingContext context;
    private final HttpServerRequest in;
    private final HttpServerResponse out;
    private final long maxBody;
    private final Duration uploadDeadline;

    /** The caller left, or stopped sending in time: nothing more is relayed, and the circuit does not hear of it. */
    private boolean callerGone;
    private final List<Buffer> held = new ArrayList<>();
    private long heldBytes;
    private long received;
    private boolean bodyEnded;
    private boolean connecting;
    private long uploadTimer = -1;
    /** The breaker's record of this exchange: completed (or failed) once. */
    private Promise<HttpClientResponse> attempt;
    private HttpClientRequest request;
    /** The service's answer arrived whole, so its connection may serve the next caller and must not be reset. */
    private boolean answerEnded;

    ForwardedCall(Vertx vertx, String service, UpstreamClients upstream, UpstreamFailures failures, Duration readTimeout,
                  RoutingContext context, long maxBody, Duration uploadDeadline) {
        this.vertx = vertx;
        this.service = service;
        this.upstream = upstream;
        this.failures = failures;
        this.readTimeout = readTimeout;
        this.context = context;
        this.in = context.request();
        this.out = context.response();
        this.maxBody = maxBody;
        this.uploadDeadline = uploadDeadline;
    }

    /** The caller's request arrived (its headers): hold its body, or connect at once when it has none. */
    void start() {
        in.pause();
        // Set before anything else: a caller who leaves while the gateway waits for a connection is noticed too.
        in.exceptionHandler(e -> callerLeft());
        out.closeHandler(v -> callerLeft());
        if (HttpHeaderValues.CONTINUE.toString().equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))
                && in.version() != HttpVersion.HTTP_2) {
            out.writeContinue();
        }
        if (!hasBody(in)) {
            connect();
            return;
        }
        uploadTimer = vertx.setTimer(uploadDeadline.toMillis(), t -> uploadTimedOut());
        in.handler(this::chunkHeld);
        in.endHandler(v -> bodyEndedBeforeConnect());
        in.resume();
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (in.version() == HttpVersion.HTTP_2 && BODY_METHODS.contains(in.method()));
    }

    private void chunkHeld(Buffer chunk) {
        received += chunk.length();
        if (received > maxBody) {
            in.handler(null);
            vertx.cancelTimer(uploadTimer);
            ProblemResponses.write(context, UpstreamFailures.tooLarge(maxBody));
            return;
        }
        held.add(chunk);
        heldBytes += chunk.length();
        if (heldBytes >= HOLD_BEFORE_CONNECT) {
            in.pause();
            connect();
        }
    }

    private void bodyEndedBeforeConnect() {
        bodyEnded = true;
        vertx.cancelTimer(uploadTimer);
        if (!connecting && received <= maxBody) {
            connect();
        }
    }

    /**
     * The caller went away (connection closed or broken). Vert.x closes the pooled connection when a finished
     * exchange is reset, even while the connection already carries the next caller's request; so only an
     * unfinished one is.
     */
    private void callerLeft() {
        callerGone = true;
        if (request != null && !answerEnded) {
            request.reset();
        }
    }

    /** The body did not arrive in time: the caller's doing, so the service's circuit does not hear of it. */
    private void uploadTimedOut() {
        if (bodyEnded) {
            return;
        }
        callerGone = true;
        in.handler(null);
        if (attempt != null) {
            attempt.tryComplete(null);
        }
        if (request != null) {
            request.reset();
        }
        if (!answerStillOpen()) {
            return;
        }
        ProblemResponses.write(context, failures.uploadTooSlow(uploadDeadline, received));
        if (in.version() != HttpVersion.HTTP_2) {
            // The rest of the body is not read: the connection closes once the answer is written.
            out.close();
        }
    }

    private void connect() {
        connecting = true;
        upstream.<HttpClientResponse>underCircuit(this::attemptStarted)
                .onSuccess(response -> {
                    if (response != null) {
                        relay(response);
                    }
                })
                .onFailure(failure -> {
                    if (failure instanceof UnhealthyAnswer unhealthy) {
                        relay(unhealthy.response);
                    } else {
                        failed(failure);
                    }
                });
    }

    private void attemptStarted(Promise<HttpClientResponse> attempt) {
        this.attempt = attempt;
        String uri = context.normalizedPath() + (in.query() == null ? "" : "?" + in.query());
        upstream.request(in.method(), uri, requestHeaders())
                .onFailure(this::connectionFailed)
                .onSuccess(this::connected);
    }

    private MultiMap requestHeaders() {
        return ForwardedHeaders.toService(in.headers(),
                in.remoteAddress() == null ? null : in.remoteAddress().hostAddress(), in.scheme(),
                in.authority() == null ? null : in.authority().toString(),
                RequestObservation.REQUEST_ID, RequestObservation.requestId(context));
    }

    private void connectionFailed(Throwable failure) {
        if (UpstreamFailures.isPoolWait(failure) && !callerGone) {
            // Every connection to the service was busy: not a failure of the service.
            attempt.tryComplete(null);
            allConnectionsBusy();
        } else {
            settle(failure);
        }
    }

    private void connected(HttpClientRequest request) {
        this.request = request;
        request.exceptionHandler(e -> LOG.debugf("request to %s ended: %s", service, e.getMessage()));
        if (callerGone) {
            settle(null);
            request.reset();
            return;
        }
        request.response().onComplete(this::answered);
        sendBody();
    }

    private void answered(AsyncResult<HttpClientResponse> answer) {
        if (answer.failed()) {
            settle(answer.cause());
            return;
        }
        responseStarted(answer.result());
    }

    /** The service's status and headers arrived. */
    private void responseStarted(HttpClientResponse response) {
        response.end().onComplete(ended -> answerEnded = ended.succeeded());
        // The breaker hands the answer on in a later task; hold its body until relayed.
        response.pause();
        if (UpstreamFailures.unhealthy(response.statusCode())) {
            attempt.tryFail(new UnhealthyAnswer(response));
        } else {
            attempt.tryComplete(response);
        }
    }

    /** A failure the caller caused (they left, or stopped sending) is not held against the service's circuit. */
    private void settle(Throwable failure) {
        if (callerGone || failure == null) {
            attempt.tryComplete(null);
        } else {
            attempt.tryFail(failure);
        }
    }

    /**
     * Sends what was held, then copies the rest with back-pressure, counting it: a body that outgrows the limit is
     * cut off with 413, which is the caller's doing and so does not count against the service's circuit. The wait
     * for the service's answer starts once the body is sent, so a slow upload is not taken for a slow service.
     */
    private void sendBody() {
        boolean lengthKnown = in.headers().contains(HttpHeaders.CONTENT_LENGTH);
        if (!lengthKnown && !held.isEmpty()) {
            request.setChunked(true);
        }
        held.forEach(request::write);
        held.clear();
        if (bodyEnded) {
            endBody();
            return;
        }
        in.handler(chunk -> chunkStreamed(chunk, lengthKnown));
        in.endHandler(v -> bodyEndedWhileStreaming());
        in.resume();
    }

    private void chunkStreamed(Buffer chunk, boolean lengthKnown) {
        received += chunk.length();
        if (received > maxBody) {
            bodyTooLarge();
            return;
        }
        if (!lengthKnown && !request.isChunked()) {
            request.setChunked(true);
        }
        request.write(chunk);
        if (request.writeQueueFull()) {
            in.pause();
            request.drainHandler(v -> in.resume());
        }
    }

    private void bodyTooLarge() {
        in.handler(null);
        vertx.cancelTimer(uploadTimer);
        attempt.tryComplete(null);
        request.reset();
        if (out.headWritten()) {
            out.reset();
        } else {
            ProblemResponses.write(context, UpstreamFailures.tooLarge(maxBody));
        }
    }

    private void bodyEndedWhileStreaming() {
        bodyEnded = true;
        vertx.cancelTimer(uploadTimer);
        if (received <= maxBody) {
            endBody();
        }
    }

    private void endBody() {
        request.end().onSuccess(sent -> requestSent());
    }

    /** The whole request is with the service: from now on it has the read timeout to answer. */
    private void requestSent() {
        long waiting = vertx.setTimer(readTimeout.toMillis(), t -> timedOut());
        request.response().onComplete(answer -> vertx.cancelTimer(waiting));
    }

    private void timedOut() {
        attempt.tryFail(new TimeoutException(service + " did not answer within " + readTimeout));
        request.reset();
    }

    private void allConnectionsBusy() {
        if (answerStillOpen()) {
            refuse(failures.allConnectionsBusy());
        }
    }

    /** Whether a problem may still be written: not once the answer is over, nor once it began (it is reset then). */
    private boolean answerStillOpen() {
        if (out.ended() || out.closed()) {
            return false;
        }
        if (out.headWritten()) {
            out.reset();
            return false;
        }
        return true;
    }

    /** Streams the service's answer to the caller, status and headers first. */
    private void relay(HttpClientResponse response) {
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        ForwardedHeaders.toCaller(response.headers(), out.headers());
        out.headers().set(RequestObservation.REQUEST_ID, RequestObservation.requestId(context));
        boolean bodiless = in.method() == HttpMethod.HEAD || response.statusCode() == 204 || response.statusCode() == 304;
        if (!bodiless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(e -> answerBrokeOff(response, e));
    }

    private void answerBrokeOff(HttpClientResponse response, Throwable e) {
        LOG.debugf("answer from %s broke off: %s", service, e.getMessage());
        if (!answerEnded) {
            response.request().reset();
        }
        if (!out.headWritten()) {
            failed(e);
        } else {
            out.reset();
        }
    }

    /** The exchange failed before an answer could be relayed: the caller gets a problem, or a reset mid-answer. */
    private void failed(Throwable failure) {
        if (out.headWritten()) {
            out.reset();
            return;
        }
        UpstreamFailures.Refusal refusal = failures.failed(failure);
        if (refusal.unexpected()) {
            LOG.warnf("%s unreachable for %s %s: %s", service, in.method(), context.normalizedPath(), failure.toString());
        }
        refuse(refusal);
    }

    private void refuse(UpstreamFailures.Refusal refusal) {
        if (refusal.retryAfterSeconds() != null) {
            out.putHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        }
        ProblemResponses.write(context, refusal.problem());
    }
}
