package org.xietong.gateway.routing;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForwardedHeadersTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static MultiMap toService(MultiMap caller) {
        return ForwardedHeaders.toService(caller, "10.1.2.3", "https", "api.example.cn", "X-Request-Id", "req-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
            "Transfer-Encoding", "Upgrade", "Host", "Proxy-Connection", "Expect"})
    void hopByHopHeadersOfTheCallerStayBehind(String name) {
        MultiMap sent = toService(headers(name, "x", "Accept", "application/json"));

        assertFalse(sent.contains(name), name + " was forwarded");
        assertEquals("application/json", sent.get("Accept"));
    }

    @Test
    void hopByHopNamesCompareWithoutCase() {
        assertFalse(toService(headers("tRaNsFeR-eNcOdInG", "chunked")).contains("Transfer-Encoding"));
    }

    @Test
    void headersTheCallerNamesInConnectionStayBehind() {
        MultiMap sent = toService(headers("Connection", "X-Private, x-other", "X-Private", "1", "X-Other", "2",
                "X-Kept", "3"));

        assertFalse(sent.contains("X-Private"));
        assertFalse(sent.contains("X-Other"));
        assertEquals("3", sent.get("X-Kept"));
    }

    @Test
    void namingAHeaderInConnectionDoesNotAffectTheNextRequest() {
        toService(headers("Connection", "X-Private", "X-Private", "1"));

        assertEquals("1", toService(headers("X-Private", "1")).get("X-Private"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Forwarded", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server"})
    void forwardingHeadersOfTheCallerAreDropped(String name) {
        assertFalse(toService(headers(name, "for=6.6.6.6")).contains(name));
    }

    @Test
    void theGatewayTellsTheServiceWhoCalledReplacingWhatTheCallerClaimed() {
        MultiMap sent = toService(headers("X-Forwarded-For", "6.6.6.6", "X-Forwarded-Proto", "gopher",
                "X-Forwarded-Host", "evil.example", "X-Request-Id", "forged"));

        assertEquals(List.of("10.1.2.3"), sent.getAll("X-Forwarded-For"));
        assertEquals(List.of("https"), sent.getAll("X-Forwarded-Proto"));
        assertEquals(List.of("api.example.cn"), sent.getAll("X-Forwarded-Host"));
        assertEquals(List.of("req-1"), sent.getAll("X-Request-Id"));
    }

    @Test
    void anUnknownCallerAddressSchemeOrAuthorityIsSaidSo() {
        MultiMap sent = ForwardedHeaders.toService(headers(), null, null, null, "X-Request-Id", "req-1");

        assertEquals("unknown", sent.get("X-Forwarded-For"));
        assertEquals("http", sent.get("X-Forwarded-Proto"));
        assertNull(sent.get("X-Forwarded-Host"));
    }

    @Test
    void endToEndHeadersPassWithAllTheirValues() {
        MultiMap sent = toService(headers("Authorization", "Bearer abc", "Accept-Language", "zh-CN",
                "X-Tag", "a", "X-Tag", "b", "Content-Length", "12", "If-Match", "\"v1\""));

        assertEquals("Bearer abc", sent.get("Authorization"));
        assertEquals("zh-CN", sent.get("Accept-Language"));
        assertEquals(List.of("a", "b"), sent.getAll("X-Tag"));
        assertEquals("12", sent.get("Content-Length"));
        assertEquals("\"v1\"", sent.get("If-Match"));
    }

    @Test
    void theServiceAnswerReachesTheCallerWithoutHopByHopHeaders() {
        MultiMap caller = MultiMap.caseInsensitiveMultiMap();

        ForwardedHeaders.toCaller(headers("Content-Type", "application/json", "Transfer-Encoding", "chunked",
                "Connection", "close", "Keep-Alive", "timeout=5", "ETag", "\"7\"", "Set-Cookie", "a=1",
                "Set-Cookie", "b=2"), caller);

        assertEquals("application/json", caller.get("Content-Type"));
        assertEquals("\"7\"", caller.get("ETag"));
        assertEquals(List.of("a=1", "b=2"), caller.getAll("Set-Cookie"));
        assertFalse(caller.contains("Transfer-Encoding"));
        assertFalse(caller.contains("Connection"));
        assertFalse(caller.contains("Keep-Alive"));
    }
}
