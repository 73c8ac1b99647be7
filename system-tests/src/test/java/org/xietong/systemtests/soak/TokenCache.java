package org.xietong.systemtests.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the demo users and partner clients, fetched from Keycloak once and again before they expire
 * (the realm gives 30 minutes), as a client would: a long soak must not end in 401s of its own making.
 */
public final class TokenCache {

    /** Fetches a fresh token for a user or partner client from Keycloak. */
    @FunctionalInterface
    public interface Source {
        String fetch(String user) throws IOException;
    }

    private record Token(String value, long fetchedAt) {
    }

    private static final long RENEW_AFTER = Duration.ofMinutes(10).toNanos();

    private final Source source;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public TokenCache(Source source) {
        this.source = source;
    }

    public String of(String user) throws IOException {
        Token token = tokens.get(user);
        if (token == null || System.nanoTime() - token.fetchedAt() > RENEW_AFTER) {
            token = new Token(source.fetch(user), System.nanoTime());
            tokens.put(user, token);
        }
        return token.value();
    }
}
