package org.xietong.gateway.routing;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.http.StreamResetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.platform.problem.Problem;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamFailuresTest {

    private final UpstreamFailures failures = new UpstreamFailures("rotation", Duration.ofSeconds(2),
            Duration.ofSeconds(30), Duration.ofSeconds(10), 64);

    private static String slug(Problem problem) {
        String type = problem.type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void anOpenCircuitIs503WithARetryWhenTheServiceMayBeTriedAgain() {
        UpstreamFailures.Refusal refusal = failures.failed(OpenCircuitException.INSTANCE);

        assertEquals(503, refusal.problem().status());
        assertEquals("service-unavailable", slug(refusal.problem()));
        assertEquals(10L, refusal.retryAfterSeconds());
        assertFalse(refusal.unexpected());
        assertTrue(refusal.problem().detail().contains("rested for up to 10 s"), refusal.problem().detail());
    }

    @Test
    void anOpenCircuitAsksForARetryOfAtLeastOneSecond() {
        UpstreamFailures quick = new UpstreamFailures("rotation", Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofMillis(300), 64);

        assertEquals(1L, quick.failed(OpenCircuitException.INSTANCE).retryAfterSeconds());
    }

    @Test
    void aServiceThatDidNotAnswerInTimeIs504() {
        UpstreamFailures.Refusal refusal = failures.failed(new TimeoutException("rotation did not answer within PT30S"));

        assertEquals(504, refusal.problem().status());
        assertEquals("service-timeout", slug(refusal.problem()));
        assertEquals("The rotation service did not answer within 30 s", refusal.problem().detail());
        assertNull(refusal.retryAfterSeconds());
    }

    @Test
    void anyExceptionNamedTimeoutCountsAsATimeout() {
        assertEquals(504, failures.failed(ReadTimeoutException.INSTANCE).problem().status());
    }

    @Test
    void aConnectionTheServiceDoesNotAcceptInTimeIsUnreachableNotATimeout() {
        assertEquals(503, failures.failed(new ConnectTimeoutException("connection timed out")).problem().status());
    }

    @Test
    void aRefusedConnectionIsUnreachableNotATimeout() {
        UpstreamFailures.Refusal refusal = failures.failed(new ConnectException("Connection refused"));

        assertEquals(503, refusal.problem().status());
        assertEquals("service-unavailable", slug(refusal.problem()));
        assertEquals("The rotation service cannot be reached; other services answer as usual", refusal.problem().detail());
        assertNull(refusal.retryAfterSeconds());
        assertTrue(refusal.unexpected());
    }

    @Test
    void aBrokenExchangeIsUnreachable() {
        assertEquals(503, failures.failed(new StreamResetException(0)).problem().status());
        assertEquals(503, failures.failed(new IOException("Connection reset by peer")).problem().status());
    }

    @Test
    void everyServiceProblemNamesTheService() {
        assertEquals("rotation", failures.failed(new ConnectException("x")).problem().extensions().get("service"));
        assertEquals("rotation", failures.allConnectionsBusy().problem().extensions().get("service"));
        assertEquals("rotation", failures.uploadTooSlow(Duration.ofSeconds(5), 10).extensions().get("service"));
    }

    @Test
    void busyConnectionsAre503WithARetryInOneSecond() {
        UpstreamFailures.Refusal refusal = failures.allConnectionsBusy();

        assertEquals(503, refusal.problem().status());
        assertEquals("service-busy", slug(refusal.problem()));
        assertEquals(1L, refusal.retryAfterSeconds());
        assertEquals("All 64 connections of this gateway thread to the rotation service were busy for 2000 ms; retry shortly",
                refusal.problem().detail());
    }

    @Test
    void aSlowUploadIs408SayingHowMuchArrived() {
        Problem problem = failures.uploadTooSlow(Duration.ofSeconds(5), 1234);

        assertEquals(408, problem.status());
        assertEquals("upload-too-slow", slug(problem));
        assertEquals("The request body did not arrive within 5 s (this route's upload deadline); received 1234 bytes",
                problem.detail());
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheLimit() {
        Problem problem = UpstreamFailures.tooLarge(1024);

        assertEquals(413, problem.status());
        assertEquals("payload-too-large", slug(problem));
        assertEquals("This route accepts bodies up to 1024 bytes", problem.detail());
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void gatewayErrorsOfTheServiceCountAgainstItsCircuit(int status) {
        assertTrue(UpstreamFailures.unhealthy(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 404, 500, 501, 505})
    void otherAnswersDoNotCountAgainstItsCircuit(int status) {
        assertFalse(UpstreamFailures.unhealthy(status));
    }

    @Test
    void waitingForAPooledConnectionIsToldApartFromAConnectTimeout() {
        assertTrue(UpstreamFailures.isPoolWait(new TimeoutException("The timeout of 2000 ms has been exceeded when getting a connection to localhost:8082")));
        assertFalse(UpstreamFailures.isPoolWait(new ConnectTimeoutException("connection timed out: localhost/127.0.0.1:8082")));
        assertFalse(UpstreamFailures.isPoolWait(new TimeoutException("rotation did not answer within PT30S")));
    }
}
