package org.xietong.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * Which headers cross the gateway, either way: connection-scoped ones stay behind, and what a service learns about
 * the caller (address, scheme, host, request id) comes from the gateway alone. Pure: no Vert.x instance needed.
 */
public final class ForwardedHeaders {

    /** Connection-scoped headers (RFC 9110 §7.6.1) never travel through a proxy. */
    static final Set<String> HOP_BY_HOP = Collections.unmodifiableSet(caseInsensitive(List.of("connection",
            "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "proxy-connection")));
    /** Not forwarded either: the gateway answers 100-continue itself. */
    private static final Set<String> NOT_FORWARDED = Collections.unmodifiableSet(caseInsensitive(
            Stream.concat(HOP_BY_HOP.stream(), Stream.of("expect")).toList()));
    /** Replaced by the gateway's own (or dropped): a caller must not tell the services who it is. */
    private static final Set<String> FORWARDING = Set.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server");

    private ForwardedHeaders() {
    }

    /**
     * The caller's headers as the service gets them: without hop-by-hop headers, {@code Expect}, the headers the
     * caller names in {@code Connection}, and the caller's forwarding headers; with the gateway's X-Forwarded-For
     * ({@code remoteAddress}, "unknown" when null), X-Forwarded-Proto ({@code scheme}, "http" when null),
     * X-Forwarded-Host ({@code authority}, left out when null) and the request id under {@code requestIdHeader}.
     */
    public static MultiMap toService(MultiMap caller, String remoteAddress, String scheme, String authority,
                                     String requestIdHeader, String requestId) {
        // Headers the caller names in Connection are for this hop only (RFC 9110 §7.6.1).
        Set<String> skip = NOT_FORWARDED;
        for (String value : caller.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !skip.contains(name)) {
                    skip = skip == NOT_FORWARDED ? caseInsensitive(NOT_FORWARDED) : skip;
                    skip.add(name);
                }
            }
        }
        Set<String> skipped = skip;
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        caller.forEach(h -> {
            if (!skipped.contains(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        FORWARDING.forEach(headers::remove);
        headers.set("X-Forwarded-For", remoteAddress == null ? "unknown" : remoteAddress);
        headers.set("X-Forwarded-Proto", scheme == null ? "http" : scheme);
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority);
        }
        headers.set(requestIdHeader, requestId);
        return headers;
    }

    /** Copies the service's answer headers onto the caller's answer, all but the hop-by-hop ones. */
    public static void toCaller(MultiMap service, MultiMap caller) {
        service.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey())) {
                caller.add(h.getKey(), h.getValue());
            }
        });
    }

    /** Header names compare without case, and without a lower-cased copy of each name a request. */
    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }
}
