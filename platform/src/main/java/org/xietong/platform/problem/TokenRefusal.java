package org.xietong.platform.problem;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a bearer token was refused, told to its caller in the 401 problem and the {@code WWW-Authenticate} challenge.
 * Names the rule the token broke and what was expected, never the token or its claims.
 */
public record TokenRefusal(String reason, String detail) {

    /** Where the mechanism leaves the refusal for whoever writes the 401 (its challenge or the failure handler). */
    static final String CONTEXT_KEY = TokenRefusal.class.getName();

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** What this API expects of a token: its issuer and audience (either may be empty when not configured). */
    public record Expectations(Optional<String> issuer, Optional<String> audience) {
    }

    /**
     * The reason {@code failure} refused {@code token}: read from the jose4j error codes in its causes, or from the
     * token's shape when verification never got as far as its claims.
     */
    public static TokenRefusal of(Throwable failure, String token, Expectations expected) {
        if (token == null || !COMPACT_JWS.matcher(token).matches()) {
            return malformed();
        }
        Optional<InvalidJwtException> invalid = invalidJwt(failure);
        if (invalid.isEmpty()) {
            return hasCause(failure, "UnresolvableKeyException") ? badSignature() : unverified();
        }
        InvalidJwtException jwt = invalid.get();
        if (jwt.hasErrorCode(ErrorCodes.JSON_INVALID) || jwt.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return malformed();
        }
        if (jwt.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || jwt.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
                || hasCause(failure, "UnresolvableKeyException")) {
            return badSignature();
        }
        if (jwt.hasErrorCode(ErrorCodes.ISSUER_INVALID) || jwt.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return new TokenRefusal("issuer", "The token was issued by an issuer this API does not trust"
                    + expected.issuer().map(issuer -> "; expected issuer " + issuer + ", fetch tokens from there").orElse(""));
        }
        if (jwt.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || jwt.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return new TokenRefusal("audience", "The token was not issued for this API"
                    + expected.audience().map(aud -> ": its audience (aud) does not include " + aud).orElse(""));
        }
        if (jwt.hasExpired() || jwt.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return new TokenRefusal("expired", "The token has expired (or carries no expiry); request a new one");
        }
        if (jwt.hasErrorCode(ErrorCodes.NOT_YET_VALID) || jwt.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return new TokenRefusal("not-yet-valid", "The token is not valid yet (check the clocks)");
        }
        return unverified();
    }

    /** The {@code WWW-Authenticate} value of RFC 6750 for a refused token. */
    public String challenge() {
        return "Bearer error=\"invalid_token\", error_description=\"" + detail.replaceAll("[\"\\\\]", "'") + "\"";
    }

    Problem problem() {
        return Problem.of(401, "unauthenticated", "Unauthorized", detail).withExtension("reason", reason);
    }

    private static TokenRefusal malformed() {
        return new TokenRefusal("malformed", "The bearer token is not a well-formed signed JWT");
    }

    private static TokenRefusal badSignature() {
        return new TokenRefusal("signature",
                "The token's signature does not verify against the realm's keys (unknown signing key or altered token)");
    }

    private static TokenRefusal unverified() {
        return new TokenRefusal("unverified", "The token could not be verified");
    }

    private static Optional<InvalidJwtException> invalidJwt(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (t instanceof InvalidJwtException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    private static boolean hasCause(Throwable failure, String simpleName) {
        return causes(failure).stream().anyMatch(t -> t.getClass().getSimpleName().equals(simpleName));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
